package dev.keyway.engine.exec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyway.api.NodeContext;
import dev.keyway.api.NodeSpec;
import dev.keyway.api.NodeType;
import dev.keyway.api.Principal;
import dev.keyway.api.Secret;
import dev.keyway.engine.MapNodeCatalog;
import dev.keyway.engine.pattern.Pattern;
import dev.keyway.engine.record.ExecutionRecord;
import dev.keyway.engine.record.ExecutionStatus;
import dev.keyway.engine.record.NodeRecord;
import dev.keyway.engine.record.NodeStatus;
import dev.keyway.engine.testnodes.TestNodes;
import dev.keyway.engine.validate.PatternChecker;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ExecutorTest {

    private static final Principal ALICE = new Principal("alice", "acme");

    private final TestNodes nodes = new TestNodes();
    private final ExecutorService pool = Executors.newFixedThreadPool(8);
    private final Executor executor = new Executor(nodes.catalog(), pool, Clock.systemUTC());

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    private Pattern pattern(String json) {
        PatternChecker.Result result = new PatternChecker(nodes.catalog()).check(json);
        assertThat(result.problems()).isEmpty();
        return result.pattern().orElseThrow();
    }

    private ExecutionRecord run(String json, Map<String, Object> trigger) {
        return executor.run(new RunRequest(pattern(json), ALICE, "development", trigger, false));
    }

    @Test
    void runsInDependencyOrderAndResolvesWiresWithDefaultsAndIndexes() {
        ExecutionRecord record = run("""
                {"id": "order", "name": "order", "nodes": [
                  {"id": "last", "type": "test.template", "properties": {"template": "got {value}"},
                   "inputs": {"value": {"from": "middle.value.list.1"}}},
                  {"id": "middle", "type": "test.echo", "inputs": {"value": {
                     "list": [{"from": "first.value"}, {"from": "trigger.names.1"}],
                     "fallback": {"from": "first.value.missing", "default": "dflt"},
                     "nothing": {"from": "trigger.absent"}}}},
                  {"id": "first", "type": "test.echo", "inputs": {"value": {"from": "trigger.names.0"}}}
                ],
                "outputs": {"text": {"from": "last.text"}, "fallback": {"from": "middle.value.fallback"},
                            "gone": {"from": "middle.value.nope", "default": 42}}}
                """, Map.of("names", List.of("ann", "bob")));

        assertThat(record.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(List.copyOf(nodes.started)).containsExactly("first", "middle", "last");
        assertThat(record.outputs()).containsEntry("text", "got bob").containsEntry("fallback", "dflt")
                .containsEntry("gone", 42);
        assertThat(record.node("middle").orElseThrow().outputs().get("value")).asInstanceOf(
                org.assertj.core.api.InstanceOfAssertFactories.MAP).containsEntry("nothing", null);
        assertThat(record.nodes()).extracting(NodeRecord::id).containsExactly("last", "middle", "first");
        assertThat(record.user()).isEqualTo("alice");
        assertThat(record.workspace()).isEqualTo("acme");
        assertThat(record.error()).isNull();
    }

    @Test
    void aChainRunsOnTheCallingThreadAndForksGoToThePool() {
        // Waking another thread costs tens of microseconds on a VM: a chain must not hop threads.
        ExecutionRecord record = run("""
                {"id": "fork", "name": "fork", "nodes": [
                  {"id": "a", "type": "test.echo", "inputs": {"value": 1}},
                  {"id": "b", "type": "test.echo", "inputs": {"value": {"from": "a.value"}}},
                  {"id": "left", "type": "test.barrier", "inputs": {"after": {"from": "b.value"}}},
                  {"id": "right", "type": "test.barrier", "inputs": {"after": {"from": "b.value"}}}
                ]}
                """, Map.of());

        assertThat(record.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        Thread caller = Thread.currentThread();
        assertThat(nodes.threads.get("a")).isSameAs(caller);
        assertThat(nodes.threads.get("b")).isSameAs(caller);
        // The two branches met at the barrier, so one of them ran elsewhere, on the pool.
        assertThat(List.of(nodes.threads.get("left"), nodes.threads.get("right"))).contains(caller)
                .anyMatch(thread -> thread != caller);
    }

    @Test
    void aTimedOutNodeOnTheCallingThreadLeavesNoInterruptBehind() {
        ExecutionRecord record = run("""
                {"id": "t", "name": "t", "nodes": [
                  {"id": "slow", "type": "test.sleep", "timeoutMs": 50, "inputs": {"ms": 60000}}
                ]}
                """, Map.of());

        assertThat(nodes.threads.get("slow")).isSameAs(Thread.currentThread());
        assertThat(record.error().code()).isEqualTo("timeout");
        assertThat(Thread.interrupted()).as("the interrupt meant for the node must not stay on the caller").isFalse();
    }

    @Test
    void independentBranchesRunConcurrently() {
        // Each barrier node waits until both have started: this only succeeds if they overlap.
        ExecutionRecord record = run("""
                {"id": "par", "name": "par", "nodes": [
                  {"id": "left", "type": "test.barrier"},
                  {"id": "right", "type": "test.barrier"},
                  {"id": "join", "type": "test.echo", "inputs": {"value": [{"from": "left.met"}, {"from": "right.met"}]}}
                ], "outputs": {"both": {"from": "join.value"}}}
                """, Map.of());

        assertThat(record.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(record.outputs()).containsEntry("both", List.of(true, true));
    }

    @Test
    void aFailureSkipsDownstreamNodesAndNamesTheNode() {
        ExecutionRecord record = run("""
                {"id": "f", "name": "f", "nodes": [
                  {"id": "src", "type": "test.echo", "inputs": {"value": "x"}},
                  {"id": "bad", "type": "test.fail", "properties": {"code": "no_luck"}, "inputs": {"detail": {"from": "src.value"}}},
                  {"id": "after", "type": "test.echo", "inputs": {"value": {"from": "bad.never"}}},
                  {"id": "later", "type": "test.echo", "inputs": {"value": {"from": "after.value"}}}
                ], "outputs": {"v": {"from": "later.value"}}}
                """, Map.of());

        assertThat(record.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(record.error().nodeId()).isEqualTo("bad");
        assertThat(record.error().code()).isEqualTo("no_luck");
        assertThat(record.error().message()).isEqualTo("failed with x");
        assertThat(record.nodes()).extracting(NodeRecord::status).containsExactly(
                NodeStatus.SUCCEEDED, NodeStatus.FAILED, NodeStatus.SKIPPED, NodeStatus.SKIPPED);
        assertThat(record.node("after").orElseThrow().startedAt()).isNull();
        assertThat(record.outputs()).isNull();
        assertThat(nodes.started).doesNotContain("after", "later");
    }

    @Test
    void unexpectedExceptionsBecomeInternalErrorsWithoutTheirText() {
        ExecutionRecord record = run("""
                {"id": "c", "name": "c", "nodes": [
                  {"id": "boom", "type": "test.fail", "properties": {"crash": true}, "inputs": {"detail": "private-detail"}}
                ]}
                """, Map.of());

        assertThat(record.error().code()).isEqualTo("internal_error");
        assertThat(record.error().message()).contains("IllegalStateException").doesNotContain("private-detail");
    }

    @Test
    void aSlowNodeTimesOut() {
        ExecutionRecord record = run("""
                {"id": "t", "name": "t", "nodes": [
                  {"id": "slow", "type": "test.sleep", "timeoutMs": 50, "inputs": {"ms": 60000}},
                  {"id": "next", "type": "test.echo", "inputs": {"value": {"from": "slow.slept"}}}
                ]}
                """, Map.of());

        assertThat(record.error().nodeId()).isEqualTo("slow");
        assertThat(record.error().code()).isEqualTo("timeout");
        assertThat(record.error().message()).contains("within 50 ms");
        assertThat(record.node("next").orElseThrow().status()).isEqualTo(NodeStatus.SKIPPED);
        assertThat(record.durationMs()).isLessThan(30_000);
    }

    @Test
    void theExecutionDeadlineStopsNodesWithLongerTimeouts() {
        ExecutionRecord record = run("""
                {"id": "d", "name": "d", "timeoutMs": 100, "nodes": [
                  {"id": "slow", "type": "test.sleep", "timeoutMs": 60000, "inputs": {"ms": 60000}}
                ]}
                """, Map.of());

        assertThat(record.error().code()).isEqualTo("timeout");
        assertThat(record.error().message()).contains("execution reached its time limit of 100 ms");
        assertThat(record.durationMs()).isLessThan(30_000);
    }

    @Test
    void aRequiredInputThatResolvesToNothingFailsWithMissingInput() {
        ExecutionRecord record = run("""
                {"id": "m", "name": "m", "nodes": [
                  {"id": "e", "type": "test.echo", "inputs": {"value": {"from": "trigger.user.name"}}}
                ]}
                """, Map.of("user", Map.of()));

        assertThat(record.error().code()).isEqualTo("missing_input");
        assertThat(record.error().message()).contains("'trigger.user.name'", "\"default\"");
    }

    @Test
    void wiredValuesAreTypeCheckedBeforeTheNodeRuns() {
        ExecutionRecord record = run("""
                {"id": "ty", "name": "ty", "nodes": [
                  {"id": "c", "type": "test.config", "properties": {"url": "https://x"}, "inputs": {"count": {"from": "trigger.n"}}}
                ]}
                """, Map.of("n", "three"));

        assertThat(record.error().code()).isEqualTo("invalid_input");
        assertThat(record.error().message()).contains("'count'", "must be of type integer");
        assertThat(nodes.started).isEmpty();
    }

    @Test
    void triggerCredentialsAreSecretsBeforeNodesSeeThemAndMaskedInTheRecord() {
        List<Object> seen = new CopyOnWriteArrayList<>();
        NodeType probe = new NodeType() {
            @Override
            public NodeSpec spec() {
                return NodeSpec.builder("test.probe").input(dev.keyway.api.FieldSpec.builder("key")
                        .type(dev.keyway.api.ValueType.ANY).build()).build();
            }

            @Override
            public Map<String, Object> execute(NodeContext context) {
                seen.add(context.inputs().get("key"));
                seen.add(context.execution().trigger().get("api_key"));
                return Map.of();
            }
        };
        List<NodeType> types = new ArrayList<>(nodes.all());
        types.add(probe);
        Executor withProbe = new Executor(new MapNodeCatalog(types), pool, Clock.systemUTC());
        Pattern pattern = new PatternChecker(new MapNodeCatalog(types)).check("""
                {"id": "cred", "name": "cred", "trigger": {"type": "manual", "credentials": ["api_key"]},
                 "nodes": [{"id": "p", "type": "test.probe", "inputs": {"key": {"from": "trigger.api_key"}}}]}
                """).pattern().orElseThrow();

        ExecutionRecord record = withProbe.run(new RunRequest(pattern, ALICE, "dev",
                Map.of("api_key", "sk-trigger-999", "user", "bob"), false));

        assertThat(seen).hasSize(2).allSatisfy(v -> assertThat(v).isInstanceOf(Secret.class));
        assertThat(seen).allSatisfy(v -> assertThat(((Secret) v).isDestroyed()).isTrue());
        assertThat(record.trigger()).containsEntry("api_key", Secret.MASK).containsEntry("user", "bob");
        assertThat(record.node("p").orElseThrow().inputs()).containsEntry("key", Secret.MASK);
    }

    @Test
    void nodesLogThroughTheRedactingLoggerIntoTheRecord() {
        ExecutionRecord record = run("""
                {"id": "log", "name": "log", "nodes": [
                  {"id": "mint", "type": "test.emit-secret", "inputs": {"seed": "canary-in-log-1"}}
                ]}
                """, Map.of());

        assertThat(record.node("mint").orElseThrow().logs()).singleElement()
                .satisfies(line -> assertThat(line.message()).isEqualTo("minted " + Secret.MASK + " for you"));
        assertThat(record.node("mint").orElseThrow().inputs()).containsEntry("seed", Secret.MASK);
    }

    @Test
    void aFanOutCompletesEvenWhenNodesEndInsideTheirOwnLaunch() {
        // Roots run on a pool thread; everything that pool thread submits runs inline, so each
        // dependent ends before its siblings are launched. The run must still wait for all of them.
        Thread testThread = Thread.currentThread();
        ExecutorService inline = new java.util.concurrent.AbstractExecutorService() {
            private volatile boolean shutdown;

            @Override
            public void execute(Runnable command) {
                if (Thread.currentThread() == testThread) {
                    pool.execute(command);
                } else {
                    command.run();
                }
            }

            @Override
            public void shutdown() {
                shutdown = true;
            }

            @Override
            public List<Runnable> shutdownNow() {
                shutdown = true;
                return List.of();
            }

            @Override
            public boolean isShutdown() {
                return shutdown;
            }

            @Override
            public boolean isTerminated() {
                return shutdown;
            }

            @Override
            public boolean awaitTermination(long timeout, java.util.concurrent.TimeUnit unit) {
                return true;
            }
        };
        Executor sameThread = new Executor(nodes.catalog(), inline, Clock.systemUTC());

        ExecutionRecord record = sameThread.run(new RunRequest(pattern("""
                {"id": "fan", "name": "fan", "nodes": [
                  {"id": "root", "type": "test.sleep", "inputs": {"ms": 50}},
                  {"id": "a", "type": "test.echo", "inputs": {"value": {"from": "root.slept"}}},
                  {"id": "b", "type": "test.echo", "inputs": {"value": {"from": "root.slept"}}},
                  {"id": "c", "type": "test.echo", "inputs": {"value": {"from": "root.slept"}}}
                ]}
                """), ALICE, "dev", Map.of(), false));

        assertThat(record.error()).isNull();
        assertThat(record.nodes()).extracting(NodeRecord::status).containsOnly(NodeStatus.SUCCEEDED);
    }
}
