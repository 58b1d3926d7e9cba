package dev.keyway.engine.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyway.samples.ProviderEmulator;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The connections CLI through the real distribution: {@code bin/keyway} as child processes, the
 * bundled plugin zip, a fresh KEYWAY_HOME, and the provider emulator on loopback standing in for
 * Slack. Ends with a sweep of every output and every file under KEYWAY_HOME for the planted keys.
 */
class ConnectionsCliIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    private final List<Result> results = new ArrayList<>();

    /** One finished {@code keyway} process. */
    private record Result(List<String> args, int exit, String out, String err) {
        @Override
        public String toString() {
            return args + " exit " + exit + "\nstdout:\n" + out + "\nstderr:\n" + err;
        }
    }

    @Test
    void addListShowTestRotateDeleteAndKeysWithoutLeakingTheKey() throws Exception {
        String key = "xoxb-" + UUID.randomUUID().toString().replace("-", "") + "/+=";
        String rotated = "xoxb-" + UUID.randomUUID().toString().replace("-", "") + "/+=";
        try (ProviderEmulator emulator = new ProviderEmulator(
                new ProviderEmulator.Credentials("gh-unused", key, "a@b.c", "jira-unused", "vault-unused"))) {
            assertThat(keyway("", "users", "add", "alice", "--workspace", "acme").exit()).isZero();

            // The emulator mirrors slack.com under /slack, so the API root (https://slack.com/api) is /slack/api.
            Result added = keyway(key + "\n", "--user", "alice", "--workspace", "acme", "--json", "connections", "add",
                    "slack", "--display-name", "Slack - Ops", "--base-url", emulator.baseUrl("slack") + "/api",
                    "--allowed-host", emulator.hostAndPort());
            assertThat(added.exit()).as(added.toString()).isZero();
            JsonNode created = JSON.readTree(added.out());
            String id = created.get("id").asText();
            assertThat(created.get("seedResult").get("secretNames").toString()).contains("SLACK_API_KEY");

            assertThat(alice("", "connections", "list").out()).contains(id, "Slack - Ops", "ACTIVE", "development");
            assertThat(JSON.readTree(alice("", "--json", "connections", "list").out()).get("connections")).hasSize(1);
            assertThat(alice("", "connections", "show", id).out()).contains("Owner:", "alice", emulator.hostAndPort());

            Result active = alice("", "connections", "test", id);
            assertThat(active.exit()).as(active.toString()).isZero();
            assertThat(active.out()).startsWith("ACTIVE");
            assertThat(emulator.seen()).anyMatch(s -> s.path().equals("/api/auth.test") && s.authenticated());

            Result rotate = alice(rotated + "\n", "connections", "update", id, "--rotate");
            assertThat(rotate.exit()).as(rotate.toString()).isZero();
            // The emulator only knows the first key: a refused test proves the new one is in use.
            Result notActive = alice("", "connections", "test", id);
            assertThat(notActive.exit()).as(notActive.toString()).isEqualTo(1);
            assertThat(notActive.out()).startsWith("NOT ACTIVE:");

            Result status = alice("", "keys", "status");
            assertThat(status.out()).as(status.toString()).contains("PRIMARY", "master key file");
            Result keysRotated = alice("", "keys", "rotate");
            assertThat(keysRotated.out()).as(keysRotated.toString()).contains("Data key v2 is primary");
            assertThat(keysRotated.err()).contains("rows re-encrypted");

            Result refused = alice("", "connections", "delete", id);
            assertThat(refused.exit()).isEqualTo(2);
            assertThat(refused.err()).contains("--yes");
            assertThat(alice("", "connections", "delete", id, "--yes").exit()).isZero();
            assertThat(alice("", "connections", "show", id).exit()).isEqualTo(1);
        }
        sweep(key);
        sweep(rotated);
    }

    private Result alice(String stdin, String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("--user", "alice", "--workspace", "acme"));
        all.addAll(List.of(args));
        return keyway(stdin, all.toArray(String[]::new));
    }

    private Result keyway(String stdin, String... args) throws Exception {
        Path distribution = Path.of(System.getProperty("keyway.distribution"));
        List<String> command = new ArrayList<>(List.of(distribution.resolve("bin/keyway").toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile("keyway-out", ".txt");
        Path err = Files.createTempFile("keyway-err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("KEYWAY_"));
        env.put("KEYWAY_HOME", home.toString());
        env.put("KEYWAY_LOG_LEVEL", "info");
        env.put("KEYWAY_LOG_FILE", home.resolve("logs/keyway.log").toString());
        Process process = builder.start();
        try (OutputStream in = process.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        assertThat(process.waitFor(90, TimeUnit.SECONDS)).as("keyway %s finished", args).isTrue();
        Result result = new Result(List.of(args), process.exitValue(), Files.readString(out), Files.readString(err));
        Files.delete(out);
        Files.delete(err);
        results.add(result);
        return result;
    }

    /** No form of {@code key} in any output or in any file under KEYWAY_HOME (database, logs, records). */
    private void sweep(String key) throws IOException {
        byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
        List<String> forms = List.of(key, key.substring(5, 37), Base64.getEncoder().encodeToString(bytes),
                Base64.getUrlEncoder().withoutPadding().encodeToString(bytes),
                URLEncoder.encode(key, StandardCharsets.UTF_8), key.replace("/", "\\/"));
        for (Result result : results) {
            for (String form : forms) {
                assertThat(result.out() + result.err()).as("output of %s", result.args()).doesNotContain(form);
            }
        }
        assertThat(home.resolve("logs/keyway.log")).exists();
        try (Stream<Path> files = Files.walk(home)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                for (String form : forms) {
                    assertThat(content).as("file %s", file).doesNotContain(form);
                }
            }
        }
    }
}
