package dev.keyway.engine.exec;

import dev.keyway.api.Execution;
import dev.keyway.api.NodeException;
import dev.keyway.api.NodeSpec;
import dev.keyway.api.NodeType;
import dev.keyway.engine.NodeCatalog;
import dev.keyway.engine.pattern.DependencyGraph;
import dev.keyway.engine.pattern.NodeDef;
import dev.keyway.engine.pattern.Pattern;
import dev.keyway.engine.record.ExecutionError;
import dev.keyway.engine.record.NodeError;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Schedules one execution's nodes: each starts on the shared pool as soon as everything it reads
 * from has succeeded, so independent branches run concurrently. The first failure stops new
 * nodes from starting (they end up skipped) and tells running ones, through
 * {@code isCancelled()}, to stop. Node timeouts use {@link CompletableFuture#orTimeout}, whose
 * single JDK-wide timer thread is the only thread besides the pool.
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
    private final Clock clock;
    private final Duration defaultNodeTimeout;
    private final WireResolver resolver;
    private final Map<String, NodeState> states = new LinkedHashMap<>();
    private final CompletableFuture<Void> finished = new CompletableFuture<>();
    private int running;
    /**
     * Depth of launch loops in progress. A node can end inside {@code launch} (a fast node, a
     * rejected task), and the run must not be declared finished while siblings wait to be launched.
     */
    private int launching;
    private volatile ExecutionError failure;

    ExecutionRun(Pattern pattern, Execution execution, ExecutionSecrets secrets, NodeCatalog catalog,
                 ExecutorService pool, Clock clock, Duration defaultNodeTimeout) {
        this.pattern = pattern;
        this.graph = DependencyGraph.of(pattern);
        this.execution = execution;
        this.secrets = secrets;
        this.catalog = catalog;
        this.pool = pool;
        this.clock = clock;
        this.defaultNodeTimeout = defaultNodeTimeout;
        pattern.nodes().forEach(node -> states.put(node.id(), new NodeState(node)));
        this.resolver = new WireResolver(execution.trigger(), this::outputsOf);
    }

    /** Runs every node and returns once all have ended, at the latest shortly after the execution deadline. */
    void runToEnd() {
        synchronized (this) {
            launchAll(pattern.nodes().stream().map(NodeDef::id)
                    .filter(id -> graph.dependencies(id).isEmpty()).toList());
        }
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
        return java.util.List.copyOf(states.values());
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

    /** Starts one node; caller holds the lock. */
    private void launch(NodeState state) {
        if (failure != null || state.phase != NodeState.Phase.PENDING) {
            return;
        }
        Instant now = clock.instant();
        Instant nodeDeadline = now.plus(state.node.timeoutOr(defaultNodeTimeout));
        state.deadline = nodeDeadline.isBefore(execution.deadline()) ? nodeDeadline : execution.deadline();
        state.startedAt = now;
        state.phase = NodeState.Phase.RUNNING;
        running++;
        long budgetMs = Duration.between(now, state.deadline).toMillis();
        if (budgetMs <= 0) {
            settle(state, null, new TimeoutException());
            return;
        }
        CompletableFuture<Map<String, Object>> result = new CompletableFuture<>();
        try {
            state.task = pool.submit(() -> invoke(state, result));
        } catch (RejectedExecutionException e) {
            settle(state, null, new NodeException("engine_stopping", "Node '%s' could not start because the engine "
                    + "is shutting down; run the pattern again once it is up.", state.node.id()));
            return;
        }
        result.orTimeout(budgetMs, TimeUnit.MILLISECONDS).whenComplete((outputs, error) -> settle(state, outputs, error));
    }

    /** Runs on a pool thread. */
    private void invoke(NodeState state, CompletableFuture<Map<String, Object>> result) {
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
            result.complete(java.util.Collections.unmodifiableMap(copy));
        } catch (Throwable t) {
            result.completeExceptionally(t);
        }
    }

    private synchronized void settle(NodeState state, Map<String, Object> outputs, Throwable error) {
        if (state.phase != NodeState.Phase.RUNNING) {
            return; // already ended by forceStop
        }
        running--;
        Instant now = clock.instant();
        state.durationMs = Duration.between(state.startedAt, now).toMillis();
        if (!now.isBefore(state.deadline)) {
            // Ended past its deadline (often by giving up on isCancelled()): that is a timeout, whatever it returned.
            error = new TimeoutException();
        }
        if (error == null) {
            state.outputs = outputs;
            state.phase = NodeState.Phase.SUCCEEDED;
            if (failure == null) {
                launchReadyDependents(state.node.id());
            }
        } else {
            fail(state, describe(state, error));
        }
        finishIfIdle();
    }

    private void fail(NodeState state, NodeError error) {
        state.error = error;
        state.phase = NodeState.Phase.FAILED;
        Future<?> task = state.task;
        if (task != null) {
            task.cancel(true);
        }
        if (failure == null) {
            failure = new ExecutionError(state.node.id(), error.code(), error.message());
        }
    }

    private void launchReadyDependents(String nodeId) {
        launchAll(graph.dependents(nodeId).stream().filter(dependent -> graph.dependencies(dependent).stream()
                .allMatch(id -> states.get(id).phase == NodeState.Phase.SUCCEEDED)).toList());
    }

    /** Launches nodes as one batch; caller holds the lock. */
    private void launchAll(java.util.List<String> nodeIds) {
        launching++;
        try {
            nodeIds.forEach(id -> launch(states.get(id)));
        } finally {
            launching--;
        }
        finishIfIdle();
    }

    private void finishIfIdle() {
        if (launching > 0 || running > 0 || finished.isDone()) {
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
                running--;
                state.durationMs = Duration.between(state.startedAt, clock.instant()).toMillis();
                fail(state, new NodeError("timeout", "Node '" + state.node.id() + "' was stopped because " + why + "."));
            }
        }
        finishIfIdle();
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
