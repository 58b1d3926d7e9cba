package dev.keyway.connections.bench;

import dev.keyway.api.BenchmarkContext;
import dev.keyway.api.BenchmarkFigure;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * {@code keyway run PATTERN} started afresh each time, timed from spawn to its first output
 * line (the result) and to its exit, beside a bare JVM started the same way: what a script or a
 * cron job that calls Keyway once waits for.
 */
final class ColdStart {

    static final double TARGET_MS = 1500;
    private static final Duration RUN_TIMEOUT = Duration.ofSeconds(60);

    private final BenchmarkContext context;
    private final ChildProcesses children;
    private final BareJvm bareJvm;

    ColdStart(BenchmarkContext context, ChildProcesses children, BareJvm bareJvm) {
        this.context = context;
        this.children = children;
        this.bareJvm = bareJvm;
    }

    List<BenchmarkFigure> measure(LoopbackUpstream upstream) {
        int runs = context.quick() ? 3 : 5;
        context.progress("server: cold start, storing the upstream connection in a fresh home");
        KeywayCli cli = new KeywayCli(context, children, context.scratch().resolve("cold-start-home"));
        cli.addUpstreamConnection(upstream);
        Path pattern = write(context.scratch().resolve("cold-start.json"), ServerPatterns.coldStart());
        context.progress("server: cold start of 'keyway run', " + runs + " runs, and of a bare JVM");
        List<SpawnTime> keyway = times("keyway run", cli.argv("run", pattern.toString()), runs);
        List<SpawnTime> bare = times(bareJvm.name(), bareJvm.once(), runs);
        String median = " (median of " + runs + ")";
        double toExit = median(keyway, SpawnTime::exitMs);
        return List.of(
                BenchmarkFigure.of("keyway run, spawn to exit" + median, toExit, "ms", false)
                        .against(bareJvm.name(), median(bare, SpawnTime::exitMs))
                        .target("< " + (int) TARGET_MS + " ms", toExit < TARGET_MS),
                BenchmarkFigure.of("keyway run, spawn to first output line" + median,
                                median(keyway, SpawnTime::firstLineMs), "ms", false)
                        .against(bareJvm.name(), median(bare, SpawnTime::firstLineMs)));
    }

    /** {@code runs} timed starts after one untimed one, which warms the disk cache and the CDS archive. */
    private List<SpawnTime> times(String what, List<String> argv, int runs) {
        spawn(what, argv);
        List<SpawnTime> times = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            times.add(spawn(what, argv));
        }
        return times;
    }

    private SpawnTime spawn(String what, List<String> argv) {
        long start = System.nanoTime();
        ChildProcesses.Child child = children.start(what, argv);
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(child.process().getInputStream(), StandardCharsets.UTF_8))) {
            child.process().getOutputStream().close();
            String first = out.readLine();
            long firstLine = System.nanoTime();
            while (out.readLine() != null) {
                // drained, so the child never blocks on a full pipe
            }
            child.awaitSuccess(RUN_TIMEOUT);
            long exit = System.nanoTime();
            // java -version prints nothing on standard output: its result is its exit.
            return new SpawnTime(millis(start, first == null ? exit : firstLine), millis(start, exit));
        } catch (IOException e) {
            throw new UncheckedIOException("lost the output of " + what, e);
        } finally {
            child.stop();
        }
    }

    private static double millis(long fromNanos, long toNanos) {
        return (toNanos - fromNanos) / 1e6;
    }

    private static double median(List<SpawnTime> times, ToDoubleFunction<SpawnTime> field) {
        double[] values = times.stream().mapToDouble(field).sorted().toArray();
        int middle = values.length / 2;
        return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }

    private static Path write(Path file, String text) {
        try {
            return Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the benchmark pattern to " + file
                    + "; check the temp folder's space and permissions", e);
        }
    }

    /**
     * One start's wall times from spawn.
     *
     * @param firstLineMs to its first line on standard output
     * @param exitMs      to its exit
     */
    record SpawnTime(double firstLineMs, double exitMs) {
    }
}
