package dev.keyway.engine.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyway.engine.testing.Canary;
import dev.keyway.engine.testing.Corpus;
import dev.keyway.samples.Keyway;
import dev.keyway.samples.ProviderEmulator;
import dev.keyway.samples.SampleRun;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one global secrecy sweep (issue 7). With a distinct random canary for every credential, it
 * runs every sample pattern through real {@code keyway} processes, then tours a real
 * {@code keyway serve} ({@link ServerTour}: every credential kind, OAuth with renewals and
 * revocation, runtime credentials, no-store runs, executions, usage, the page), then the CLI's
 * listing and a key rotation; and searches every byte Keyway wrote (all of KEYWAY_HOME, database
 * and key files included, every process's stdout and stderr, every HTTP answer with its headers) for
 * every canary in every disguise {@link Canary} knows. A planted value that is not secret must be
 * found, in the database, the records and the answers, so the sweep cannot pass by seeing nothing.
 */
class SecrecySweepIT {

    private static final Path DISTRIBUTION = Path.of(System.getProperty("keyway.distribution", "target/keyway"));
    private static final Path PATTERNS = Path.of(System.getProperty("keyway.patterns", "../patterns"));

    private static final String MASTER_KEY = "data/keyway-connections/master.key";

    @TempDir
    Path home;

    @Test
    void noCredentialLeavesKeywayInAnyFormAnywhere() throws Exception {
        Corpus corpus = new Corpus();
        List<Canary> canaries = new ArrayList<>();
        String marker = "kw-marker-" + UUID.randomUUID().toString().replace("-", "");

        ProviderEmulator.Credentials samples = credentials("sample");
        ProviderEmulator.Credentials served = credentials("served");
        canaries.addAll(List.of(Canary.secret("GitHub token (samples; also their runtime and Vault-held credential)",
                        samples.githubToken()), Canary.secret("Slack token (samples)", samples.slackToken()),
                Canary.secret("Jira API token (samples)", samples.jiraToken()),
                Canary.basic("Jira email:token (samples)", samples.jiraEmail(), samples.jiraToken()),
                Canary.secret("Vault token (samples)", samples.vaultToken())));

        ServerTour tour;
        try (ProviderEmulator sampleProviders = new ProviderEmulator(samples);
             ProviderEmulator servedProviders = new ProviderEmulator(served);
             LoopbackOAuthProvider oauth = new LoopbackOAuthProvider()) {
            runSamples(sampleProviders, samples, corpus);
            KeywayProcess keyway = new KeywayProcess(DISTRIBUTION, home, Map.of(
                    "KEYWAY_CONNECTIONS_OAUTH_GITLAB_CLIENT_ID", LoopbackOAuthProvider.CLIENT_ID,
                    "KEYWAY_CONNECTIONS_OAUTH_GITLAB_CLIENT_SECRET", oauth.clientSecret,
                    "KEYWAY_CONNECTIONS_OAUTH_REFRESH_MARGIN_SECONDS", "86400"));
            String aliceToken = keyway.run("users", "add", "alice").trim();
            CapturingHttp http;
            try (keyway) {
                http = new CapturingHttp(keyway.serve(), corpus);
                tour = new ServerTour(http, aliceToken, servedProviders, served, oauth, marker);
                tour.run(PATTERNS);
                // The store's transaction log as it stands while the server runs; the shutdown folds it away.
                corpus.addFiles("KEYWAY_HOME while serving", home);
            }
            assertThat(oauth.refreshes.get()).as("OAuth renewals during the tour").isGreaterThanOrEqualTo(2);
            canaries.addAll(tour.canaries());
            canaries.add(Canary.secret("OAuth client secret", oauth.clientSecret));
            canaries.add(Canary.basic("OAuth client authentication", LoopbackOAuthProvider.CLIENT_ID,
                    URLEncoder.encode(oauth.clientSecret, StandardCharsets.UTF_8)));
            oauth.secretsSoFar().forEach(value -> canaries.add(Canary.secret("OAuth code, token or verifier", value)));

            useTheCli(keyway, corpus);
            corpus.add("stdout and stderr of keyway serve and the CLI", keyway.output());
            assertThat(http.answers()).as("HTTP answers captured").isGreaterThanOrEqualTo(40);
        }
        corpus.addFiles("KEYWAY_HOME", home);

        assertTheCorpusIsReal(corpus);
        assertThePositiveControlIsFound(corpus, Canary.secret("marker (not secret)", marker));
        canaries.add(Canary.key("master key", Base64.getDecoder().decode(
                Files.readString(home.resolve(MASTER_KEY)).strip())));
        List<Corpus.Hit> hits = corpus.find(canaries).stream()
                .filter(hit -> !hit.where().endsWith("/" + MASTER_KEY)).toList(); // the key file itself
        Map<String, Long> places = corpus.sizes().keySet().stream().collect(Collectors.groupingBy(
                where -> where.replaceFirst("^(KEYWAY_HOME( while serving)?/[^/]+|answer to|stdout|stderr).*", "$1"),
                TreeMap::new, Collectors.counting()));
        System.out.printf("secrecy sweep: %d canaries in %d disguises over %d bytes in %d places %s: %d hits%n",
                canaries.size(), canaries.stream().mapToInt(c -> c.disguises().size()).sum(),
                corpus.sizes().values().stream().mapToLong(Integer::longValue).sum(), corpus.sizes().size(), places,
                hits.size());
        assertThat(hits).as("canaries found (label, disguise, where, offset)").isEmpty();
    }

    /** Every sample pattern through child processes; each command's stdout and stderr go to the corpus. */
    private void runSamples(ProviderEmulator emulator, ProviderEmulator.Credentials credentials, Corpus corpus) {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        SampleRun.Report report = new SampleRun(DISTRIBUTION, PATTERNS, home,
                new PrintStream(printed, true, StandardCharsets.UTF_8)).run(emulator, credentials);
        assertThat(report.outcomes()).allSatisfy(o -> assertThat(o.asExpected())
                .as("%s:%n%s%s", o.patternId(), o.stdout(), o.stderr()).isTrue());
        assertThat(report.outcomes()).hasSizeGreaterThanOrEqualTo(8);
        List<Keyway.Result> commands = new ArrayList<>(report.setup());
        report.outcomes().forEach(o -> commands.add(o.result()));
        for (Keyway.Result command : commands) {
            corpus.add("stdout of keyway " + command.args(), command.out());
            corpus.add("stderr of keyway " + command.args(), command.err());
        }
        corpus.add("the sample runner's summary", printed.toByteArray());
    }

    /** The CLI over the same store after the server stopped: listings, the usage trail, a key rotation. */
    private static void useTheCli(KeywayProcess keyway, Corpus corpus) throws Exception {
        String listed = keyway.run("connections", "list", "--json");
        String github = listed.replaceAll("(?s).*?\"id\"\\s*:\\s*\"(conn_[^\"]+)\".*", "$1");
        for (String[] command : List.of(new String[] {"connections", "show", github, "--json"},
                new String[] {"connections", "usage", github}, new String[] {"connections", "test", github},
                new String[] {"keys", "rotate"}, new String[] {"keys", "status"})) {
            keyway.run(command);
        }
        assertThat(keyway.output()).contains(github);
    }

    /** The sweep looked at a real run: records, a non-empty database and key file, answers, output. */
    private static void assertTheCorpusIsReal(Corpus corpus) {
        Map<String, Integer> sizes = corpus.sizes();
        String store = "KEYWAY_HOME/data/keyway-connections/";
        assertThat(sizes.keySet().stream().filter(w -> w.startsWith("KEYWAY_HOME/records/") && w.endsWith(".json")))
                .as("execution records").hasSizeGreaterThanOrEqualTo(10);
        assertThat(sizes).as("the audit trail and the key file").containsKeys("KEYWAY_HOME/records/audit.jsonl",
                "KEYWAY_HOME/" + MASTER_KEY);
        assertThat(sizes.get("KEYWAY_HOME/" + MASTER_KEY)).isPositive();
        assertThat(sizes.entrySet().stream().filter(e -> e.getKey().startsWith(store + "store/"))
                .mapToLong(Map.Entry::getValue).sum()).as("bytes of database files").isGreaterThan(10_000);
        assertThat(sizes.keySet().stream().filter(w -> w.startsWith("stderr of keyway"))).hasSizeGreaterThan(10);
    }

    /** The marker must turn up as plain text in the database, a record and an answer, and base64-shifted. */
    private static void assertThePositiveControlIsFound(Corpus corpus, Canary marker) {
        List<Corpus.Hit> hits = corpus.find(marker);
        String where = hits.stream().map(Corpus.Hit::where).distinct().collect(Collectors.joining("\n"));
        assertThat(hits).as("the positive control, found in:%n%s", where)
                .anyMatch(h -> h.where().startsWith("KEYWAY_HOME/data/keyway-connections/store/"))
                .anyMatch(h -> h.where().startsWith("KEYWAY_HOME/records/"))
                .anyMatch(h -> h.where().startsWith("answer to "))
                .anyMatch(h -> h.form().equals("base64 (inside a longer text, alignment 2)"));
    }

    /** Distinct random values for everything the emulator checks; the e-mail is not secret, only its Basic pair. */
    private static ProviderEmulator.Credentials credentials(String run) {
        return new ProviderEmulator.Credentials(Canary.plant("ghp_" + run + "-"), Canary.plant("xoxb-" + run + "-"),
                run + "-" + HexFormat.of().formatHex(UUID.randomUUID().toString().getBytes(StandardCharsets.US_ASCII), 0, 6)
                        + "@jira.invalid", Canary.plant("jira-" + run + "-"), Canary.plant("hvs." + run + "-"));
    }
}
