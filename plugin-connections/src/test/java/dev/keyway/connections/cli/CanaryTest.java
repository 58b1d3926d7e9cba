package dev.keyway.connections.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyway.connections.ConnectionsRuntime;
import dev.keyway.connections.store.UsageEvent;
import dev.keyway.connections.testing.CanaryForms;
import dev.keyway.connections.testing.LoopbackServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plants canary credentials, runs every subcommand that touches them with and without --json,
 * and sweeps stdout, stderr, the log (at debug) and every file under the data folder for the
 * canaries in any of their encodings.
 */
class CanaryTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path data;

    @Test
    void noCanaryInAnyOutputLogLineOrFile() throws Exception {
        CanaryForms slackKey = CanaryForms.plant("xoxb-");
        CanaryForms rotatedKey = CanaryForms.plant("xoxb-r-");
        CanaryForms jiraToken = CanaryForms.plant("jira-", "a@b.c");
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream originalErr = System.err;
        System.setErr(new PrintStream(new Tee(originalErr, log), true, StandardCharsets.UTF_8));
        CliDriver cli;
        try (LoopbackServer server = new LoopbackServer();
             ConnectionsRuntime runtime = ConnectionsRuntime.open(new TestHost(data))) {
            server.on("/slack/api/auth.test", LoopbackServer.json("{\"ok\":true}"));
            server.on("/jira/rest/api/3/myself", exchange -> LoopbackServer.respond(exchange, 401, "application/json", "{}"));
            cli = new CliDriver(runtime);
            String host = "127.0.0.1:" + server.port();
            for (boolean json : new boolean[] {false, true}) {
                cli.json(true);
                String slack = JSON.readTree(cli.stdin(slackKey.value() + "\n").connections("add", "slack",
                        "--base-url", server.url("/slack/api"), "--allowed-host", host).out()).get("id").asText();
                String jira = JSON.readTree(cli.stdin("{\"user-email\":\"a@b.c\",\"api-token\":"
                        + JSON.writeValueAsString(jiraToken.value()) + "}").connections("add", "jira",
                        "--fields-from-stdin", "--base-url", server.url("/jira"), "--allowed-host", host).out())
                        .get("id").asText();
                runtime.store().recordUsage(new UsageEvent(slack, "exec_1", "call", host, Instant.now(), "ok"));
                cli.json(json);
                cli.stdin(slackKey.value() + "\n").connections("add", "slack");
                cli.connections("list");
                cli.connections("list", "--all-envs");
                cli.connections("show", slack);
                cli.connections("show", jira);
                cli.connections("test", slack);
                cli.connections("test", jira);
                cli.connections("usage", slack);
                cli.stdin(rotatedKey.value() + "\n").connections("update", slack, "--rotate", "--tag", "x");
                cli.connections("test", slack);
                cli.connections("add", "slack", "--field", "api-key=" + slackKey.value());
                cli.stdin("{\"api-key\": " + slackKey.value() + "}").connections("add", "slack", "--fields-from-stdin");
                cli.keys("status");
                cli.keys("rotate");
                cli.connections("delete", jira, "--yes");
            }
            assertThat(server.received()).anyMatch(r -> r.path().equals("/slack/api/auth.test"));
        } finally {
            System.setErr(originalErr);
        }

        List<CanaryForms> canaries = List.of(slackKey, rotatedKey, jiraToken);
        for (CliDriver.Run run : cli.runs()) {
            for (CanaryForms canary : canaries) {
                assertThat(canary.foundIn(run.all())).as("output of a run: %s", run.all()).isEmpty();
            }
        }
        // KNOWN LEAK, reported: at DEBUG, HttpClient 5's own wire and header loggers print every
        // request header, Authorization included. Keyway cannot switch them off from the plugin; the
        // host must keep them below DEBUG. Every other logger, Keyway's included, is swept at DEBUG.
        String logText = log.toString(StandardCharsets.UTF_8).lines()
                .filter(line -> !line.contains(" org.apache.hc.client5.http.wire - ")
                        && !line.contains(" org.apache.hc.client5.http.headers - "))
                .collect(java.util.stream.Collectors.joining("\n"));
        assertThat(logText).as("the log was captured").isNotBlank();
        for (CanaryForms canary : canaries) {
            assertThat(canary.foundIn(logText)).as("log").isEmpty();
        }
        try (Stream<Path> files = Files.walk(data)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                for (CanaryForms canary : canaries) {
                    assertThat(canary.foundIn(content)).as("file %s", file).isEmpty();
                }
            }
        }
    }

    /** Copies what is written to the real stream and to a capture buffer. */
    private static final class Tee extends OutputStream {
        private final OutputStream first;
        private final OutputStream second;

        Tee(OutputStream first, OutputStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public void write(int b) {
            try {
                first.write(b);
                second.write(b);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) {
            try {
                first.write(b, off, len);
                second.write(b, off, len);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
