package dev.keyway.engine.exec;

import dev.keyway.api.Execution;
import dev.keyway.api.NodeException;
import dev.keyway.api.NodeSpec;
import dev.keyway.api.NodeType;
import dev.keyway.api.support.AlarmClock;
import dev.keyway.engine.NodeCatalog;
import dev.keyway.engine.pattern.DependencyGraph;
import dev.keyway.engine.pattern.NodeDef;
import dev.keyway.engine.pattern.Pattern;
import dev.keyway.engine.record.ExecutionError;
import dev.keyway.engine.record.NodeError;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Schedules one execution's nodes: each starts as soon as everything it reads from has succeeded.
 * A thread that ends a node goes on with one node that became ready and hands any others to the
 * pool, so a chain runs on the calling thread without a single hand-off (on a VM each wake-up of
 * another thread costs tens of microseconds) while independent branches still run concurrently.
 *
 * <p>The first failure stops new nodes from starting (they end up skipped) and tells running
 * ones, through {@code isCancelled()}, to stop; a node that ends by timing out is also interrupted. Deadlines are alarms on a shared
 * {@link AlarmClock}: a node past its deadline is recorded as timed out when the alarm fires, and
 * the thread running it is interrupted. A node that ignores both holds that thread until it
 * returns, and when that thread is the caller's, the caller waits for it.
 */
final class ExecutionRun {

    private static final Logger LOG = LoggerFactory.getLogger(ExecutionRun.class);
    /** Slack for the caller's wait beyond the execution deadline; nodes time out by then already. */
    private static final Duration WAIT_SLACK = Duration.ofSeconds(5);

    private final Pattern pattern;
    private final DependencyGraph graph;
    private final Execution execution;
    private final ExecutionSecrets secrets;
    private final NodeCatalog catalog;
    private final ExecutorService pool;
    private final AlarmClock alarms;
    private final Clock clock;
    private final Duration defaultNodeTimeout;
    private final WireResolver resolver;
    private final Map<String, NodeState> states = new LinkedHashMap<>();
    private final CompletableFuture<Void> finished = new CompletableFuture<>();
    private int running;
    private volatile ExecutionError failure;

    ExecutionRun(Pattern pattern, Execution execution, ExecutionSecrets secrets, NodeCatalog catalog,
                 ExecutorService pool, AlarmClock alarms, Clock clock, Duration defaultNodeTimeout) {
        this.pattern = pattern;
        this.graph = DependencyGraph.of(pattern);
        this.execution = execution;
        this.secrets = secrets;
        this.catalog = catalog;
        this.pool = pool;
        this.alarms = alarms;
        this.clock = clock;
        this.defaultNodeTimeout = defaultNodeTimeout;
        pattern.nodes().forEach(node -> states.put(node.id(), new NodeState(node)));
        this.resolver = new WireResolver(execution.trigger(), this::outputsOf);
    }

    /** Runs every node and returns once all have ended, at the latest shortly after the execution deadline. */
    void runToEnd() {
        List<NodeState> roots;
        synchronized (this) {
            roots = start(pattern.nodes().stream().map(NodeDef::id)
                    .filter(id -> graph.dependencies(id).isEmpty()).toList());
        }
        drive(roots);
        try {
            long waitMs = Duration.between(clock.instant(), execution.deadline()).plus(WAIT_SLACK).toMillis();
            finished.get(Math.max(1, waitMs), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            forceStop("the execution did not wind down by its deadline");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            forceStop("the engine was interrupted");
        } catch (ExecutionException e) {
            throw new IllegalStateException("the execution's completion signal cannot fail", e);
        }
    }

    synchronized Collection<NodeState> states() {
        return List.copyOf(states.values());
    }

    ExecutionError failure() {
        return failure;
    }

    WireResolver resolver() {
        return resolver;
    }

    boolean cancelled() {
        return failure != null;
    }

    private Map<String, Object> outputsOf(String nodeId) {
        NodeState state = states.get(nodeId);
        return state == null ? null : state.outputs;
    }

    /**
     * Runs the first of {@code ready} here and hands the others to the pool, then goes on with
     * whatever the node it ran made ready, until nothing is left for this thread.
     */
    private void drive(List<NodeState> ready) {
        while (!ready.isEmpty()) {
            for (NodeState other : ready.subList(1, ready.size())) {
                hand(other);
            }
            NodeState next = ready.get(0);
            ready = settle(next, invoke(next));
        }
    }

    private void hand(NodeState state) {
        try {
            pool.execute(() -> drive(List.of(state)));
        } catch (RejectedExecutionException e) {
            settle(state, Outcome.failed(new NodeException("engine_stopping", "Node '%s' could not start "
                    + "because the engine is shutting down; run the pattern again once it is up.", state.node.id())));
        }
    }

    /**
     * Marks nodes as running and sets their deadlines; caller holds the lock. Returns the ones a
     * thread must now run (a node already out of time is settled here and not returned).
     */
    private List<NodeState> start(List<String> nodeIds) {
        List<NodeState> started = new ArrayList<>(nodeIds.size());
        for (String id : nodeIds) {
            NodeState state = states.get(id);
            if (failure != null || state.phase != NodeState.Phase.PENDING) {
                continue;
            }
            Instant now = clock.instant();
            Instant nodeDeadline = now.plus(state.node.timeoutOr(defaultNodeTimeout));
            state.deadline = nodeDeadline.isBefore(execution.deadline()) ? nodeDeadline : execution.deadline();
            state.startedAt = now;
            state.phase = NodeState.Phase.RUNNING;
            running++;
            Duration budget = Duration.between(now, state.deadline);
            if (budget.isNegative() || budget.isZero()) {
                settleLocked(state, Outcome.failed(new TimeoutException()));
                continue;
            }
            state.alarm = alarms.schedule(budget, () -> settle(state, Outcome.failed(new TimeoutException())));
            started.add(state);
        }
        finishIfIdle();
        return started;
    }

    /** Runs one node on the current thread. */
    private Outcome invoke(NodeState state) {
        if (!state.claim(Thread.currentThread())) {
            return Outcome.failed(new TimeoutException()); // ended (timed out, stopped) before it could start
        }
        try {
            NodeDef node = state.node;
            NodeType type = catalog.find(node.type()).orElseThrow(() -> new NodeException("unknown_node_type",
                    "Node '%s' uses the node type '%s', which no loaded plugin provides; install the plugin or change "
                            + "the pattern.", node.id(), node.type()));
            NodeSpec spec = type.spec();
            NodeInputs values = NodeInputs.prepare(node, spec, resolver, secrets);
            state.inputs = values.inputs();
            EngineNodeContext context = new EngineNodeContext(node.id(), node.type(), execution, values,
                    new RedactingNodeLogger(execution.id(), node.id(), secrets::redactor, clock, state.logs::add),
                    secrets, state.deadline, clock, this::cancelled);
            Map<String, Object> outputs = type.execute(context);
            Map<String, Object> copy = new LinkedHashMap<>(outputs == null ? Map.of() : outputs);
            secrets.collect(copy);
            return Outcome.succeeded(Collections.unmodifiableMap(copy));
        } catch (Throwable t) {
            return Outcome.failed(t);
        } finally {
            state.release();
        }
    }

    /** Records how a node ended and starts what that made ready; returns the nodes the caller must run. */
    private synchronized List<NodeState> settle(NodeState state, Outcome outcome) {
        return settleLocked(state, outcome);
    }

    private List<NodeState> settleLocked(NodeState state, Outcome outcome) {
        if (state.phase != NodeState.Phase.RUNNING) {
            return List.of(); // already ended by its alarm or by forceStop
        }
        Instant now = clock.instant();
        end(state, now);
        Throwable error = outcome.error();
        if (!now.isBefore(state.deadline)) {
            // Ended past its deadline (often by giving up on isCancelled()): that is a timeout, whatever it returned.
            error = new TimeoutException();
        }
        List<NodeState> next = List.of();
        if (error == null) {
            state.outputs = outcome.outputs();
            state.phase = NodeState.Phase.SUCCEEDED;
            if (failure == null) {
                next = start(readyAfter(state));
            }
        } else {
            fail(state, describe(state, error));
        }
        finishIfIdle();
        return next;
    }

    /** The dependents of a node that just succeeded whose every dependency has now succeeded; caller holds the lock. */
    private List<String> readyAfter(NodeState succeeded) {
        List<String> ready = new ArrayList<>(2);
        for (String dependent : graph.dependents(succeeded.node.id())) {
            boolean all = true;
            for (String dependency : graph.dependencies(dependent)) {
                all &= states.get(dependency).phase == NodeState.Phase.SUCCEEDED;
            }
            if (all) {
                ready.add(dependent);
            }
        }
        return ready;
    }

    /** A running node stops counting: its alarm is off and its duration known; caller holds the lock. */
    private void end(NodeState state, Instant now) {
        running--;
        if (state.alarm != null) {
            state.alarm.cancel();
        }
        state.durationMs = Duration.between(state.startedAt, now).toMillis();
    }

    private void fail(NodeState state, NodeError error) {
        state.error = error;
        state.phase = NodeState.Phase.FAILED;
        state.interrupt();
        if (failure == null) {
            failure = new ExecutionError(state.node.id(), error.code(), error.message());
        }
    }

    private void finishIfIdle() {
        if (running > 0 || finished.isDone()) {
            return;
        }
        for (NodeState state : states.values()) {
            if (state.phase == NodeState.Phase.PENDING) {
                state.phase = NodeState.Phase.SKIPPED;
                if (failure == null) {
                    // Only an unvalidated pattern with a cycle gets here.
                    failure = new ExecutionError(state.node.id(), "unreachable", "Node '" + state.node.id()
                            + "' could never start because its inputs form a cycle; run 'keyway validate' on the pattern.");
                }
            }
        }
        finished.complete(null);
    }

    private synchronized void forceStop(String why) {
        LOG.warn("execution {} stopped: {}", execution.id(), why);
        for (NodeState state : states.values()) {
            if (state.phase == NodeState.Phase.RUNNING) {
                end(state, clock.instant());
                fail(state, new NodeError("timeout", "Node '" + state.node.id() + "' was stopped because " + why + "."));
            }
        }
        finishIfIdle();
    }

    /** How one node's code ended: its outputs or what it threw. */
    private record Outcome(Map<String, Object> outputs, Throwable error) {

        static Outcome succeeded(Map<String, Object> outputs) {
            return new Outcome(outputs, null);
        }

        static Outcome failed(Throwable error) {
            return new Outcome(null, error);
        }
    }

    private NodeError describe(NodeState state, Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        String nodeId = state.node.id();
        if (cause instanceof TimeoutException) {
            if (state.deadline.equals(execution.deadline())) {
                return new NodeError("timeout", "Node '" + nodeId + "' was stopped when the execution reached its time "
                        + "limit of " + pattern.timeoutOr(Executor.DEFAULT_EXECUTION_TIMEOUT).toMillis()
                        + " ms; raise the pattern's timeoutMs or make the work smaller.");
            }
            return new NodeError("timeout", "Node '" + nodeId + "' did not finish within "
                    + state.node.timeoutOr(defaultNodeTimeout).toMillis() + " ms; raise its timeoutMs or check what it "
                    + "waits on.");
        }
        if (cause instanceof NodeException nodeException) {
            return new NodeError(nodeException.code(), String.valueOf(nodeException.getMessage()));
        }
        // Exception text from arbitrary code may quote credentials: keep only the class name.
        LOG.warn("execution {} node {} ({}) failed with {}", execution.id(), nodeId, state.node.type(),
                cause.getClass().getName());
        return new NodeError("internal_error", "Node '" + nodeId + "' (type '" + state.node.type() + "') failed "
                + "unexpectedly with " + cause.getClass().getSimpleName() + "; this is a bug in the node type, see the "
                + "engine log and report it to the plugin's authors.");
    }
}
