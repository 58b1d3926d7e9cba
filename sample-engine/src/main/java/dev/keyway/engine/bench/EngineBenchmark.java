package dev.keyway.engine.bench;

import dev.keyway.api.Benchmark;
import dev.keyway.api.BenchmarkContext;
import dev.keyway.api.BenchmarkFigure;
import dev.keyway.api.Principal;
import dev.keyway.api.support.Throughput;
import dev.keyway.engine.Engine;
import dev.keyway.engine.exec.RunRequest;
import dev.keyway.engine.pattern.Pattern;
import dev.keyway.engine.record.AuditEntry;
import dev.keyway.engine.record.ExecutionRecord;
import dev.keyway.engine.record.ExecutionStatus;
import dev.keyway.engine.record.RecordStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Engine overhead alone: executions per second of chains of in-memory nodes on one thread (the
 * calling thread runs a chain itself), and validate + parse of a 1,000-node pattern. Records are
 * discarded: this measures the engine, not the disk.
 */
public final class EngineBenchmark implements Benchmark {

    static final double SMALL_TARGET = 50_000;

    @Override
    public String name() {
        return "engine";
    }

    @Override
    public String description() {
        return "engine overhead: in-memory node chains on one thread, and validating a 1,000-node pattern";
    }

    @Override
    public List<BenchmarkFigure> run(BenchmarkContext context) {
        ExecutorService pool = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "keyway-bench-nodes");
            thread.setDaemon(true);
            return thread;
        });
        try {
            Engine engine = new Engine(new PassNodes(), new DiscardedRecords(), pool);
            int large = context.quick() ? 200 : 1000;
            String largeText = PassNodes.chain(large);
            RunRequest small = request(engine.parse(PassNodes.chain(3), "3-node chain"), context.principal());
            RunRequest big = request(engine.parse(largeText, large + "-node chain"), context.principal());
            Duration time = context.perFigure();
            Duration warmUp = time.dividedBy(2);

            context.progress("engine: 3-node chain");
            Throughput.measure(warmUp, 1, () -> check(engine.run(small)));
            double smallRate = Throughput.measure(time, 1, () -> check(engine.run(small)));
            context.progress("engine: " + large + "-node chain");
            Throughput.measure(warmUp, 1, () -> check(engine.run(big)));
            double largeRate = Throughput.measure(time, 1, () -> check(engine.run(big)));
            double validateRate = Throughput.measure(time, 1, () -> engine.parse(largeText, "large"));
            return List.of(
                    BenchmarkFigure.of("3-node in-memory chain, one thread", smallRate, "exec/s", true)
                            .target(">= 50,000 exec/s", smallRate >= SMALL_TARGET),
                    BenchmarkFigure.of(large + "-node in-memory chain, one thread", largeRate, "exec/s", true),
                    BenchmarkFigure.of(large + "-node chain, per node", 1e6 / largeRate / large, "us", false),
                    BenchmarkFigure.of(large + "-node pattern, validate + parse", validateRate, "ops/s", true));
        } finally {
            pool.shutdownNow();
        }
    }

    private static RunRequest request(Pattern pattern, Principal principal) {
        return new RunRequest(pattern, principal, "development", Map.of("text", "hello"), true);
    }

    private static void check(ExecutionRecord record) {
        if (record.status() != ExecutionStatus.SUCCEEDED) {
            throw new IllegalStateException("benchmark execution failed: " + record.error());
        }
    }

    /** Keeps nothing. */
    private static final class DiscardedRecords implements RecordStore {

        @Override
        public void save(ExecutionRecord record) {
            // discarded on purpose
        }

        @Override
        public void audit(AuditEntry entry) {
            // discarded on purpose
        }

        @Override
        public List<ExecutionRecord> list(int limit) {
            return List.of();
        }

        @Override
        public Optional<ExecutionRecord> get(String executionId) {
            return Optional.empty();
        }
    }
}
