package dev.keyway.engine.bench;

import dev.keyway.api.Principal;
import dev.keyway.engine.Engine;
import dev.keyway.engine.exec.RunRequest;
import dev.keyway.engine.pattern.Pattern;
import dev.keyway.engine.record.AuditEntry;
import dev.keyway.engine.record.ExecutionRecord;
import dev.keyway.engine.record.ExecutionStatus;
import dev.keyway.engine.record.RecordStore;
import dev.keyway.engine.testnodes.TestNodes;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Engine overhead alone: executions per second of patterns made of in-memory nodes (no I/O, no
 * record files), on the calling thread plus the node pool. Prints figures only.
 *
 * <p>Run: {@code ./mvnw -B -q -pl sample-engine test-compile org.codehaus.mojo:exec-maven-plugin:3.5.1:java
 * -Dexec.mainClass=dev.keyway.engine.bench.EngineOverheadBenchmark -Dexec.classpathScope=test}
 */
public final class EngineOverheadBenchmark {

    private EngineOverheadBenchmark() {
    }

    public static void main(String[] args) {
        int seconds = Integer.getInteger("bench.seconds", 5);
        ExecutorService pool = Executors.newFixedThreadPool(Integer.getInteger("bench.poolThreads", 2));
        Engine engine = new Engine(new TestNodes().catalog(), new DiscardingStore(), pool);
        Pattern small = engine.parse(chain(3), "3-node chain");
        Pattern large = engine.parse(chain(1000), "1000-node chain");
        RunRequest smallRun = new RunRequest(small, new Principal("bench", "default"), "development",
                Map.of("text", "hello"), true);
        RunRequest largeRun = new RunRequest(large, new Principal("bench", "default"), "development",
                Map.of("text", "hello"), true);

        System.out.printf("%nEngine overhead, in-memory nodes, %d s per figure (node pool: %s threads)%n", seconds,
                Integer.getInteger("bench.poolThreads", 2));
        rate("warm-up", () -> check(engine.run(smallRun)), 2);
        double smallRate = rate("3-node chain: executions/s", () -> check(engine.run(smallRun)), seconds);
        String largeText = chain(1000);
        rate("warm-up", () -> check(engine.run(largeRun)), 2);
        double largeRate = rate("1000-node chain: executions/s", () -> check(engine.run(largeRun)), seconds);
        double validateRate = rate("1000-node chain: validate+parse/s", () -> engine.parse(largeText, "large"), seconds);
        System.out.printf("per node in the 1000-node chain: %.1f us%n", 1e6 / largeRate / 1000);
        System.out.printf("summary: small=%.0f/s large=%.1f/s validate=%.1f/s%n", smallRate, largeRate, validateRate);
        pool.shutdown();
    }

    private static void check(ExecutionRecord record) {
        if (record.status() != ExecutionStatus.SUCCEEDED) {
            throw new IllegalStateException("execution failed: " + record.error());
        }
    }

    private static double rate(String label, Runnable task, int seconds) {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long start = System.nanoTime();
        long count = 0;
        while (System.nanoTime() < end) {
            task.run();
            count++;
        }
        double perSecond = count / ((System.nanoTime() - start) / 1e9);
        if (!label.equals("warm-up")) {
            System.out.printf("%-36s %12.1f%n", label, perSecond);
        }
        return perSecond;
    }

    /** A chain of echo nodes: n0 reads the trigger, each next node reads the previous one. */
    static String chain(int length) {
        StringBuilder nodes = new StringBuilder();
        for (int i = 0; i < length; i++) {
            String from = i == 0 ? "trigger.text" : "n" + (i - 1) + ".value";
            nodes.append(i == 0 ? "" : ",").append("{\"id\":\"n").append(i).append("\",\"type\":\"test.echo\",")
                    .append("\"inputs\":{\"value\":{\"from\":\"").append(from).append("\"}}}");
        }
        return "{\"id\":\"chain\",\"name\":\"chain\",\"nodes\":[" + nodes + "],\"outputs\":{\"last\":{\"from\":\"n"
                + (length - 1) + ".value\"}}}";
    }

    /** Keeps nothing: the benchmark measures the engine, not the disk. */
    private static final class DiscardingStore implements RecordStore {
        @Override
        public void save(ExecutionRecord record) {
        }

        @Override
        public void audit(AuditEntry entry) {
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
