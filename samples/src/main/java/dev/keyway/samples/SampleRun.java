package dev.keyway.samples;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Runs every sample pattern end to end through a built distribution, as a user would: creates the
 * connections with {@code keyway connections add} (secrets on stdin), then {@code keyway run}s
 * each pattern against a loopback emulation of the providers.
 */
public final class SampleRun {

    /** Patterns that demonstrate a failure: the pattern id and the error code it must end with. */
    static final Map<String, String> EXPECTED_FAILURES = Map.of("deleted-connection", "connection_not_found");

    private final Path distribution;
    private final Path patterns;
    private final Path home;
    private final PrintStream out;

    public SampleRun(Path distribution, Path patterns, Path home, PrintStream out) {
        this.distribution = distribution;
        this.patterns = patterns;
        this.home = home;
        this.out = out;
    }

    /** Demo credentials: random, so tests can also use them as canaries. */
    public static ProviderEmulator.Credentials demoCredentials() {
        return new ProviderEmulator.Credentials("ghp_demo" + random(), "xoxb-demo-" + random(), "demo@keyway.invalid",
                "jira-demo-" + random(), "hvs.demo" + random());
    }

    /** Creates the demo connections and runs every pattern; returns each pattern's outcome. */
    public Report run(ProviderEmulator emulator, ProviderEmulator.Credentials credentials) {
        Keyway keyway = new Keyway(distribution, home);
        List<Keyway.Result> setup = new ArrayList<>();
        String host = emulator.hostAndPort();
        out.println("Creating demo connections in " + home + " (credentials go in on stdin, never as arguments)");
        setup.add(keyway.run(credentials.githubToken() + "\n", "connections", "add", "github", "--display-name", "GitHub",
                "--base-url", emulator.baseUrl("github"), "--allowed-host", host).requireSuccess());
        setup.add(keyway.run(credentials.slackToken() + "\n", "connections", "add", "slack", "--display-name", "Slack",
                "--base-url", emulator.baseUrl("slack") + "/api", "--allowed-host", host).requireSuccess());
        setup.add(keyway.run(credentials.jiraToken() + "\n", "connections", "add", "jira", "--type", "credentials",
                "--display-name", "Jira", "--field", "user-email=" + credentials.jiraEmail(),
                "--field", "base-url=" + emulator.baseUrl("jira"), "--allowed-host", host).requireSuccess());
        setup.add(keyway.run(credentials.vaultToken() + "\n", "connections", "add", "vault", "--display-name", "Vault",
                "--base-url", emulator.baseUrl("vault"), "--allowed-host", host).requireSuccess());
        // What vault-to-service fetches at run time: the demo GitHub token, kept in Vault instead of a connection.
        emulator.putVaultSecret("secret", "keyway-demo", "{\"api_key\": \"" + credentials.githubToken() + "\"}");
        Keyway.Result retired = keyway.run("xoxb-retired-" + random() + "\n", "connections", "add", "slack",
                "--display-name", "Retired Slack", "--base-url", emulator.baseUrl("slack") + "/api", "--allowed-host", host,
                "--json").requireSuccess();
        setup.add(retired);
        String retiredId = retired.out().replaceAll("(?s).*\"id\"\\s*:\\s*\"(conn_[^\"]+)\".*", "$1");
        setup.add(keyway.run("", "connections", "delete", retiredId, "--yes").requireSuccess());

        List<Outcome> outcomes = new ArrayList<>();
        for (Path file : patternFiles()) {
            String id = file.getFileName().toString().replaceFirst("\\.json$", "");
            Keyway.Result result = keyway.run(payload(id, emulator, credentials), "run", file.toString(), "--input", "-");
            String expectedFailure = EXPECTED_FAILURES.get(id);
            boolean asExpected = expectedFailure == null ? result.exitCode() == 0
                    : result.exitCode() == 1 && result.err().contains("(" + expectedFailure + ")");
            outcomes.add(new Outcome(id, file, result, expectedFailure != null, asExpected));
            print(id, result, expectedFailure != null, asExpected);
        }
        long good = outcomes.stream().filter(Outcome::asExpected).count();
        out.printf("%n%d of %d sample patterns behaved as expected.%n", good, outcomes.size());
        return new Report(setup, outcomes);
    }

    /** Trigger payloads that point the patterns at the emulator where the pattern takes it from the payload. */
    static String payload(String patternId, ProviderEmulator emulator, ProviderEmulator.Credentials credentials) {
        return switch (patternId) {
            case "slack-post-message" -> "{\"channel\": \"#keyway-demo\", \"text\": \"Hello from a Keyway sample\"}";
            case "slack-environment-secret" -> "{\"slackApi\": \"" + emulator.baseUrl("slack") + "/api\", \"channel\": \"#keyway-demo\"}";
            case "jira-search" -> "{\"jql\": \"project = KW\"}";
            case "runtime-credentials" -> "{\"token\": \"" + credentials.githubToken() + "\", \"apiBase\": \""
                    + emulator.baseUrl("github") + "\"}";
            case "vault-to-service" -> "{\"apiBase\": \"" + emulator.baseUrl("github") + "\"}";
            default -> "{}";
        };
    }

    private void print(String id, Keyway.Result result, boolean failureExpected, boolean asExpected) {
        String mark = asExpected ? "ok  " : "FAIL";
        out.printf("%n[%s] %s%s%n", mark, id, failureExpected ? " (fails on purpose)" : "");
        String text = (result.exitCode() == 0 ? result.out() : result.err()).strip();
        text.lines().forEach(line -> out.println("       " + line));
    }

    private List<Path> patternFiles() {
        try (Stream<Path> files = Files.list(patterns)) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the patterns in " + patterns, e);
        }
    }

    private static String random() {
        byte[] bytes = new byte[12];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /**
     * How one pattern ran.
     *
     * @param patternId       the pattern
     * @param file            its file
     * @param result          the {@code keyway run} command's result
     * @param failureExpected whether the sample fails on purpose
     * @param asExpected      whether it succeeded, or failed with the expected code
     */
    public record Outcome(String patternId, Path file, Keyway.Result result, boolean failureExpected, boolean asExpected) {

        public String stdout() {
            return result.out();
        }

        public String stderr() {
            return result.err();
        }
    }

    /**
     * Everything the run did.
     *
     * @param setup    the commands that created (and deleted) the demo connections
     * @param outcomes one per pattern file
     */
    public record Report(List<Keyway.Result> setup, List<Outcome> outcomes) {

        public boolean allAsExpected() {
            return outcomes.stream().allMatch(Outcome::asExpected);
        }

        /** Everything the commands printed, for leak checks. */
        public String allOutput() {
            StringBuilder text = new StringBuilder();
            setup.forEach(r -> text.append(r.out()).append(r.err()));
            outcomes.forEach(o -> text.append(o.stdout()).append(o.stderr()));
            return text.toString();
        }
    }
}
