package dev.keyway.engine.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code keyway bench --quick} from the built distribution: every in-process benchmark runs, each
 * figure that has a baseline carries its ratio, and the JSON report says the same. No figure is
 * judged here: speed belongs to the report, not to a test on a shared machine.
 */
class BenchIT {

    private static final Path DISTRIBUTION = Path.of(System.getProperty("keyway.distribution", "target/keyway"));

    @Test
    void quickRunPrintsEveryFigureWithItsBaselineAndWritesTheSameAsJson(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("report.json");
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        List<String> command = new ArrayList<>(List.of(DISTRIBUTION.resolve("bin/keyway").toString(),
                "--home", dir.resolve("home").toString(), "bench", "--quick", "--seconds", "1",
                "--only", "engine,resolution,writes,pattern", "--report", json.toString()));
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        boolean ended = process.waitFor(5, TimeUnit.MINUTES);
        if (!ended) {
            process.destroyForcibly();
        }
        String table = Files.readString(out, StandardCharsets.UTF_8);

        assertThat(ended).as("bench ended in time; stderr: %s", Files.readString(err)).isTrue();
        assertThat(process.exitValue()).as("exit code; output:%n%s%nstderr:%n%s", table, Files.readString(err)).isZero();
        assertThat(table).contains("Machine: ", "Repeat: keyway bench --seconds 1 --only engine,resolution,writes,pattern --quick")
                .contains("3-node in-memory chain, one thread", "resolve p50, 1,000 connections",
                        "durable connection writes, 1 writer(s)", "manual-header pattern, concurrency 8",
                        "manual-header pattern, 1 ms upstream, concurrency 8")
                .doesNotContain("did not run");

        // The benchmarks' connections hold random tokens that all start with this; none may surface.
        assertThat(table + Files.readString(err) + Files.readString(json)).doesNotContain("ghp_bench");

        JsonNode report = new ObjectMapper().readTree(json.toFile());
        assertThat(report.path("machine").path("cores").asInt()).isPositive();
        List<String> benchmarks = new ArrayList<>();
        report.path("results").forEach(result -> {
            benchmarks.add(result.path("benchmark").asText());
            assertThat(result.path("figures").size()).as(result.toString()).isPositive();
            result.path("figures").forEach(figure -> {
                assertThat(figure.path("value").asDouble()).as(figure.toString()).isPositive();
                if (figure.has("baseline")) {
                    assertThat(figure.path("ratio").asDouble()).as(figure.toString()).isPositive();
                }
            });
        });
        assertThat(benchmarks).containsExactlyInAnyOrder("engine", "resolution", "writes", "pattern");
    }
}
