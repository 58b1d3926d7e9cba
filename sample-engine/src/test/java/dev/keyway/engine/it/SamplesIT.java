package dev.keyway.engine.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyway.engine.testing.Canaries;
import dev.keyway.samples.ProviderEmulator;
import dev.keyway.samples.SampleRun;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every file in patterns/ run end to end through the built distribution and the real plugin zip,
 * against loopback servers that check each provider's credential format; then every byte Keyway
 * wrote or printed is swept for the credentials.
 */
class SamplesIT {

    private static final Path DISTRIBUTION = Path.of(System.getProperty("keyway.distribution", "target/keyway"));
    private static final Path PATTERNS = Path.of(System.getProperty("keyway.patterns", "../patterns"));

    @TempDir
    Path home;

    @Test
    void everySamplePatternRunsEndToEndAndNoCredentialLeaks() throws Exception {
        ProviderEmulator.Credentials credentials = SampleRun.demoCredentials();
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        SampleRun.Report report;
        List<ProviderEmulator.Seen> seen;
        try (ProviderEmulator emulator = new ProviderEmulator(credentials)) {
            report = new SampleRun(DISTRIBUTION, PATTERNS, home, new PrintStream(printed, true, StandardCharsets.UTF_8))
                    .run(emulator, credentials);
            seen = emulator.seen();
        }
        String summary = printed.toString(StandardCharsets.UTF_8);

        long files;
        try (Stream<Path> patterns = Files.list(PATTERNS)) {
            files = patterns.filter(p -> p.toString().endsWith(".json")).count();
        }
        assertThat(report.outcomes()).hasSize((int) files);
        assertThat(report.outcomes()).allSatisfy(o -> assertThat(o.asExpected())
                .as("%s:%n%s%s", o.patternId(), o.stdout(), o.stderr()).isTrue());
        Map<String, String> out = report.outcomes().stream()
                .collect(Collectors.toMap(SampleRun.Outcome::patternId, o -> o.stdout() + o.stderr()));
        assertThat(out.get("github-whoami")).contains("\"login\" : \"keyway-demo\"");
        assertThat(out.get("github-whoami-manual-header")).contains("\"login\" : \"keyway-demo\"");
        assertThat(out.get("runtime-credentials")).contains("\"login\" : \"keyway-demo\"");
        assertThat(out.get("slack-post-message")).contains("\"ok\" : true", "#keyway-demo");
        assertThat(out.get("slack-environment-secret")).contains("\"ok\" : true");
        assertThat(out.get("jira-search")).contains("\"firstKey\" : \"KW-1\"");
        // The GitHub token came out of Vault at run time, as a secret, and reached GitHub as a bearer token.
        assertThat(out.get("vault-to-service")).contains("\"login\" : \"keyway-demo\"", "\"secretVersion\" : 3");
        assertThat(out.get("deleted-connection"))
                .contains("failed at node 'post' (connection_not_found)", "was deleted or is not available");

        // Each provider received its own credential in its own format, and nothing else reached it.
        assertThat(seen).extracting(ProviderEmulator.Seen::provider).contains("github", "slack", "jira", "vault");
        assertThat(seen).allSatisfy(s -> assertThat(s.authenticated()).as("%s %s %s", s.provider(), s.method(), s.path()).isTrue());

        Map<String, String> forms = Canaries.forms(
                List.of(credentials.githubToken(), credentials.slackToken(), credentials.jiraToken(),
                        credentials.vaultToken()),
                List.<String[]>of(new String[] {credentials.jiraEmail(), credentials.jiraToken()}));
        Canaries.assertAbsent("what keyway printed", report.allOutput() + summary, forms);
        Canaries.assertAbsentFromFiles(home, forms);
    }
}
