package dev.keyway.engine.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code keyway bench --quick --only server} from the built distribution, as a user runs it: the
 * plugin's server benchmark is found, starts its children, and reports every figure with its
 * same-run baseline in the table and in a JSON report, in a time a smoke run can afford.
 */
class ServerBenchIT {

    private static final Path DISTRIBUTION = Path.of(System.getProperty("keyway.distribution", "target/keyway"));
    private static final Duration BUDGET = Duration.ofMinutes(2);
    private static final Pattern RATIO = Pattern.compile("\\s\\d+%\\s");

    @TempDir
    Path home;

    @Test
    void aQuickRunPrintsEveryServerFigureWithItsBaselineAndWritesAJsonReport() throws Exception {
        long start = System.nanoTime();
        Path report = home.resolve("report.json");
        Run run = bench("bench", "--quick", "--only", "server", "--seconds", "1", "--report", report.toString());
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(took).as("a quick server bench must stay a smoke test").isLessThan(BUDGET);
        List<String> rows = run.out().lines().filter(l -> l.startsWith("server ")).toList();
        assertThat(rows).as(run.describe()).hasSize(8).noneMatch(r -> r.contains("did not run"));
        assertThat(row(rows, "keyway run, spawn to exit")).contains("bare JVM: java").containsPattern(RATIO)
                .contains("< 1500 ms");
        assertThat(row(rows, "keyway run, spawn to first output line")).contains("bare JVM: java")
                .containsPattern(RATIO);
        assertThat(row(rows, "keyway serve, resident memory idle")).contains("MB", "bare JVM idle");
        for (String concurrency : List.of("concurrency 1", "concurrency 8")) {
            assertThat(row(rows, "trigger -> pattern -> upstream, no-store, " + concurrency))
                    .contains("exec/s", "bare JDK-server forwarder").containsPattern(RATIO)
                    .contains(">= 85% of the bare forwarder");
        }
        for (String concurrency : List.of("concurrency 1", "concurrency 8")) {
            assertThat(row(rows, "trigger -> pattern -> 1 ms upstream, " + concurrency))
                    .contains("exec/s", "bare JDK-server forwarder").containsPattern(RATIO);
        }
        assertThat(row(rows, "keyway serve, peak resident memory")).contains("MB", "< 300 MB");

        // The upstream's token starts with this and the serve child's user token with kw_; neither may surface.
        assertThat(run.out() + run.err() + Files.readString(report)).doesNotContain("ghp_bench", "kw_");

        JsonNode json = new ObjectMapper().readTree(report.toFile());
        JsonNode server = json.path("results").get(0);
        assertThat(server.path("benchmark").asText()).isEqualTo("server");
        assertThat(server.has("error")).as(server.toString()).isFalse();
        List<JsonNode> figures = new ArrayList<>();
        server.path("figures").forEach(figures::add);
        assertThat(figures).hasSize(8);
        assertThat(figures.stream().filter(f -> f.has("baseline")))
                .hasSize(7)
                .allSatisfy(f -> assertThat(f.path("ratio").asDouble()).isPositive());
        assertThat(figures).allSatisfy(f -> assertThat(f.path("value").asDouble()).isPositive());
    }

    private static String row(List<String> rows, String figure) {
        return rows.stream().filter(r -> r.contains(figure)).findFirst()
                .orElseThrow(() -> new AssertionError("no row for '" + figure + "' in:\n" + String.join("\n", rows)));
    }

    /** Runs the distribution's launcher on the test's home, with none of the caller's KEYWAY_* settings. */
    private Run bench(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("sh", DISTRIBUTION.resolve("bin/keyway").toString(),
                "--home", home.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(name -> name.startsWith("KEYWAY_"));
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        // Files, not pipes: the wait below then has a deadline even if the bench hangs.
        Path out = home.resolve("bench.out");
        Path err = home.resolve("bench.err");
        builder.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process process = builder.start();
        try {
            process.getOutputStream().close();
            boolean ended = process.waitFor(BUDGET.toSeconds() + 30, TimeUnit.SECONDS);
            assertThat(ended).as("keyway bench did not end").isTrue();
            return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            // The bench's own children (keyway serve) first: killed forcibly, the bench cannot stop them.
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    private record Run(int exitCode, String out, String err) {

        String describe() {
            return "stdout:\n" + out + "\nstderr:\n" + err;
        }
    }
}
