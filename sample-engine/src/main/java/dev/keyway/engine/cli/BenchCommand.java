package dev.keyway.engine.cli;

import dev.keyway.api.Benchmark;
import dev.keyway.api.BenchmarkContext;
import dev.keyway.api.BenchmarkFigure;
import dev.keyway.api.KeywayException;
import dev.keyway.api.support.UsageException;
import dev.keyway.engine.Engine;
import dev.keyway.engine.bench.BenchReport;
import dev.keyway.engine.bench.BenchResult;
import dev.keyway.engine.bench.EngineBenchmark;
import dev.keyway.engine.bench.HostBenchmarkContext;
import dev.keyway.engine.bench.Machine;
import dev.keyway.engine.plugins.ContextClassLoader;
import dev.keyway.engine.plugins.PluginHost;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code keyway bench}: the engine's own benchmark and every benchmark the plugins contribute,
 * in a scratch {@code KEYWAY_HOME} with the embedded defaults (never the caller's store), printed
 * as one table with same-run baselines and written as JSON.
 */
final class BenchCommand implements HostCommand {

    @Override
    public String name() {
        return "bench";
    }

    @Override
    public String summary() {
        return "measure throughput, latency, start-up and memory against same-run baselines";
    }

    @Override
    public String usage() {
        return """
                Usage: keyway bench [--seconds N] [--quick] [--only NAME[,NAME...]] [--report FILE] [--json]

                Runs the engine benchmark and every plugin benchmark in a scratch KEYWAY_HOME (your
                own home, store and settings are not touched), then prints one table: each figure
                with the baseline measured beside it in the same run and the ratio to it. The JSON
                report goes to FILE (default KEYWAY_HOME/bench/bench-<time>.json); --json prints it
                instead of the table.

                  --seconds N   measuring time per figure (default 3; warm-up is extra)
                  --quick       smaller data sets and 1 s per figure: a smoke run
                  --only NAMES  run only these benchmarks (see the table's first column)""";
    }

    @Override
    public Set<String> valuedOptions() {
        return Set.of("seconds", "only", "report");
    }

    @Override
    public Set<String> flags() {
        return Set.of("quick");
    }

    @Override
    public int run(Invocation invocation) {
        if (!invocation.args().positionals().isEmpty()) {
            throw new UsageException("bench takes no arguments; choose benchmarks with --only");
        }
        boolean quick = invocation.args().flag("quick");
        Duration perFigure = Duration.ofSeconds(seconds(invocation.args().option("seconds").orElse(quick ? "1" : "3")));
        List<String> only = invocation.args().option("only").map(v -> Arrays.asList(v.split(","))).orElse(List.of());
        Path scratch = temporaryFolder("keyway-bench-");
        Instant startedAt = Instant.now();
        List<BenchResult> results = new ArrayList<>();
        try (Session session = Session.open(new KeywayHome(scratch.resolve("home"), invocation.home().pluginFolders()),
                Map.of())) {
            List<Runnable> runs = new ArrayList<>();
            addRun(runs, results, only, new EngineBenchmark(), ClassLoader.getSystemClassLoader(), session, perFigure,
                    quick, scratch, invocation);
            for (PluginHost.Contributed<Benchmark> contributed : session.plugins().extensions(Benchmark.class)) {
                addRun(runs, results, only, contributed.extension(), contributed.classLoader(), session, perFigure,
                        quick, scratch, invocation);
            }
            if (runs.isEmpty()) {
                throw new UsageException("no benchmark is called %s", String.join(",", only));
            }
            runs.forEach(Runnable::run);
        } finally {
            delete(scratch);
        }
        BenchReport report = new BenchReport(startedAt, Machine.current(), repeatCommand(invocation),
                perFigure.toSeconds(), results);
        Path json = invocation.args().option("report").map(Path::of).orElse(invocation.home().root()
                .resolve("bench").resolve("bench-" + startedAt.toString().replace(":", "") + ".json"));
        write(json, Engine.toJson(report.toJson()));
        if (invocation.json()) {
            invocation.out().println(Engine.toJson(report.toJson()));
        } else {
            report.print(invocation.out());
            invocation.out().printf("JSON report: %s%n", json);
        }
        return results.stream().anyMatch(r -> r.error() != null) ? Cli.FAILED : Cli.OK;
    }

    /** The command line that repeats this run, for the report. */
    private String repeatCommand(Invocation invocation) {
        StringBuilder command = new StringBuilder("keyway bench");
        for (String option : List.of("seconds", "only")) {
            invocation.args().option(option).ifPresent(v -> command.append(" --").append(option).append(' ').append(v));
        }
        flags().stream().filter(invocation.args()::flag).forEach(f -> command.append(" --").append(f));
        return command.toString();
    }

    private static void addRun(List<Runnable> runs, List<BenchResult> results, List<String> only, Benchmark benchmark,
                               ClassLoader loader, Session session, Duration perFigure, boolean quick, Path scratch,
                               Invocation invocation) {
        String name = ContextClassLoader.call(loader, benchmark::name);
        if (!only.isEmpty() && !only.contains(name)) {
            return;
        }
        runs.add(() -> {
            Path folder = scratch.resolve("bench-" + name);
            BenchmarkContext context = new HostBenchmarkContext(session.engine(), perFigure, quick, folder,
                    invocation.principal(), invocation.environment(), BenchCommand::hostCommand, invocation.err());
            long start = System.nanoTime();
            String description = ContextClassLoader.call(loader, benchmark::description);
            try {
                Files.createDirectories(folder);
                List<BenchmarkFigure> figures = ContextClassLoader.call(loader, () -> benchmark.run(context));
                results.add(new BenchResult(name, description, figures, null, seconds(start)));
            } catch (IOException | RuntimeException e) {
                // One benchmark's failure is reported in its row; the others still run.
                results.add(new BenchResult(name, description, List.of(),
                        e.getClass().getSimpleName() + ": " + e.getMessage(), seconds(start)));
            } finally {
                delete(folder);
            }
        });
    }

    /**
     * This host's CLI as a child process: the distribution's launcher when there is one (its JVM
     * options are part of what is measured), else this JVM's class path.
     */
    static List<String> hostCommand(Path home) {
        List<String> command = new ArrayList<>();
        String distribution = System.getProperty("keyway.distribution");
        Path launcher = distribution == null ? null : Path.of(distribution, "bin", "keyway");
        if (launcher != null && Files.isExecutable(launcher)) {
            command.add(launcher.toString());
        } else {
            command.add(ProcessHandle.current().info().command().orElse("java"));
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        }
        command.addAll(List.of("--home", home.toAbsolutePath().toString()));
        return command;
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static long seconds(String text) {
        try {
            long value = Long.parseLong(text);
            if (value >= 1 && value <= 600) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new UsageException("--seconds must be a whole number from 1 to 600, not '%s'", text);
    }

    private static Path temporaryFolder(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new KeywayException("cannot create a scratch folder for the benchmarks (%s); check the temp "
                    + "folder's space and permissions", e.getMessage());
        }
    }

    private static void write(Path file, String json) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, json + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new KeywayException("cannot write the JSON report to %s (%s); pass --report with a writable path",
                    file, e.getMessage());
        }
    }

    private static void delete(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // Leftovers in the temp folder are harmless; the report matters more.
        }
    }
}
