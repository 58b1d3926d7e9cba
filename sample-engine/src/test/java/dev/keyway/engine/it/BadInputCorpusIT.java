package dev.keyway.engine.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A generated corpus of malformed patterns and API bodies against the built distribution: the
 * patterns through {@code keyway validate} and {@code PUT /api/patterns/{id}}, the bodies to the
 * connection and run endpoints of one {@code keyway serve}. Every input must be refused cleanly:
 * located problems for patterns, a small 4xx JSON error from the server; never a stack trace, a
 * 5xx, an HTML page or a hang, and the server must stay up.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 100, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class BadInputCorpusIT {

    private static final Path DISTRIBUTION = Path.of(System.getProperty("keyway.distribution", "target/keyway"));
    private static final Path PATTERNS = Path.of(System.getProperty("keyway.patterns", "../patterns"));
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Big enough for every located problem of a mutant, far too small for an echoed megabyte. */
    private static final int MAX_ANSWER = 64 * 1024;

    @TempDir
    static Path home;

    private static KeywayProcess keyway;
    private static String base;
    private static String alice;
    private static String connection;
    private static List<PatternCorpus.Sample> samples;
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Map<String, Integer> RAN = new TreeMap<>();

    @BeforeAll
    static void start() throws Exception {
        keyway = new KeywayProcess(DISTRIBUTION, home);
        alice = keyway.run("users", "add", "alice").trim();
        keyway.run("users", "add", "bob");
        base = keyway.serve();
        samples = PatternCorpus.from(PATTERNS);
    }

    @AfterAll
    static void stop() throws Exception {
        keyway.close();
        System.out.println("bad-input corpus: " + RAN.entrySet().stream().map(e -> e.getValue() + " " + e.getKey())
                .collect(Collectors.joining(", ")) + "; every one refused cleanly, the server stayed up");
    }

    @Test
    @Order(1)
    void theUnbrokenInputsAreAccepted() throws Exception {
        for (PatternCorpus.Sample sample : samples) {
            Answer stored = call("PUT", "/api/patterns/" + sample.id(), sample.valid());
            assertThat(stored.status()).as(sample.id() + ": " + stored.body()).isEqualTo(201);
        }
        for (BodyCorpus.Endpoint endpoint : endpoints()) {
            Answer answer = call(endpoint.method(), path(endpoint), endpoint.valid());
            assertThat(answer.status()).as(endpoint + ": " + answer.body()).isBetween(200, 201);
        }
    }

    @Test
    @Order(2)
    void keywayValidateLocatesAProblemInEveryMalformedPattern() throws Exception {
        Path folder = Files.createDirectories(home.resolve("corpus"));
        Map<String, Mutant> byFile = new TreeMap<>();
        for (Mutant mutant : allPatternMutants()) {
            Path file = folder.resolve(String.format("%04d.json", byFile.size()));
            Files.writeString(file, mutant.text(), StandardCharsets.UTF_8);
            byFile.put(file.toString(), mutant);
        }
        List<String> command = new ArrayList<>(List.of("validate", "--json"));
        command.addAll(byFile.keySet());

        // Its own KEYWAY_HOME: the plugin's store in the server's home is locked by the running server.
        KeywayProcess.Completed validated;
        try (KeywayProcess cli = new KeywayProcess(DISTRIBUTION, Files.createDirectories(home.resolve("validate-home")))) {
            validated = cli.runToEnd(command.toArray(String[]::new));
        }

        assertThat(validated.exitCode()).isEqualTo(1);
        List<?> results = JSON.readValue(validated.out(), List.class);
        assertThat(results).hasSize(byFile.size());
        Failures failures = new Failures();
        for (Object item : results) {
            Map<?, ?> result = (Map<?, ?>) item;
            Mutant mutant = byFile.get((String) result.get("file"));
            failures.check(mutant.family(), () -> {
                assertThat(result.get("valid")).as(mutant.toString()).isEqualTo(false);
                assertLocated(mutant, (List<?>) result.get("problems"));
            });
        }
        failures.assertNone();
        count("patterns through keyway validate " + families(allPatternMutants()), byFile.size());
    }

    @Test
    @Order(3)
    void theServerRefusesEveryMalformedPatternWithLocatedProblems() throws Exception {
        int sent = 0;
        Failures failures = new Failures();
        for (PatternCorpus.Sample sample : samples) {
            for (Mutant mutant : sample.mutants()) {
                Answer answer = call("PUT", "/api/patterns/" + sample.id(), mutant.text());
                failures.check(mutant.family(), () -> assertRefusedPattern(mutant, answer));
                sent++;
            }
        }
        for (Mutant mutant : PatternCorpus.extras()) {
            Answer answer = call("PUT", "/api/patterns/not-a-pattern", mutant.text());
            failures.check(mutant.family(), () -> assertRefusedPattern(mutant, answer));
            sent++;
        }
        failures.assertNone();
        count("patterns through PUT /api/patterns/{id} (the same)", sent);
    }

    @Test
    @Order(4)
    void everyMalformedBodyGetsA4xxJsonError() throws Exception {
        List<BodyCorpus.BadBody> bodies = BodyCorpus.of(endpoints());
        Failures failures = new Failures();
        for (BodyCorpus.BadBody bad : bodies) {
            Answer answer = call(bad.endpoint().method(), path(bad.endpoint()), bad.mutant().text());
            String what = bad.endpoint().method() + " " + bad.endpoint().path() + " " + bad.mutant();
            failures.check(bad.mutant().family(), () -> assertJsonError(what, answer));
        }
        failures.assertNone();
        count("API bodies " + families(bodies.stream().map(BodyCorpus.BadBody::mutant).toList()), bodies.size());
    }

    @Test
    @Order(5)
    void theServerIsStillUpAndLoggedNoStackTrace() throws Exception {
        assertThat(call("GET", "/api/health", null).status()).isEqualTo(200);
        assertThat(keyway.serverAlive()).isTrue();
        String log = keyway.output();
        int trace = log.indexOf("\tat ");
        assertThat(trace).as("a stack trace in the server's log:%n%s", trace < 0 ? ""
                : log.substring(Math.max(0, log.lastIndexOf('\n', Math.max(0, trace - 600))), Math.min(log.length(), trace + 1500)))
                .isNegative();
        assertThat(RAN.values().stream().mapToInt(Integer::intValue).sum()).isGreaterThanOrEqualTo(1000);
    }

    private static List<Mutant> allPatternMutants() {
        List<Mutant> all = new ArrayList<>();
        samples.forEach(sample -> all.addAll(sample.mutants()));
        all.addAll(PatternCorpus.extras());
        return all;
    }

    /** The endpoints that take a body, each with one it accepts. */
    private static List<BodyCorpus.Endpoint> endpoints() {
        return List.of(
                new BodyCorpus.Endpoint("POST", "/api/connections/api-key", """
                        {"provider": "slack", "apiKey": "xoxb-corpus", "displayName": "Slack corpus", "environmentId": "staging",
                         "tags": ["corpus"], "baseUrl": "https://slack.com/api", "allowedHosts": ["slack.com"]}""", true,
                        List.of("/provider", "/environmentId", "/baseUrl", "/allowedHosts/0"), List.of("/displayName", "/tags/0")),
                new BodyCorpus.Endpoint("POST", "/api/connections/credentials", """
                        {"provider": "jira", "type": "credentials", "displayName": "Jira corpus", "tags": ["corpus"],
                         "credentials": {"user-email": "corpus\u0040example.com", "api-token": "corpus-token",
                                         "base-url": "https://corpus.atlassian.net"}}""", true,
                        List.of("/provider", "/type"), List.of("/displayName", "/tags/0")),
                new BodyCorpus.Endpoint("PATCH", "/api/connections/{id}", """
                        {"displayName": "Renamed by the corpus", "tags": ["ops"], "allowedHosts": ["slack.com"]}""", true,
                        List.of("/allowedHosts/0"), List.of("/displayName", "/tags/0")),
                new BodyCorpus.Endpoint("POST", "/api/connections/{id}/shares", "{\"user\": \"bob\"}", true, List.of("/user"), List.of()),
                new BodyCorpus.Endpoint("POST", "/api/patterns/github-whoami/run",
                        "{\"channel\": \"#corpus\", \"text\": \"hello\"}", false, List.of(), List.of()));
    }

    private static String path(BodyCorpus.Endpoint endpoint) throws Exception {
        if (connection == null) {
            Answer created = call("POST", "/api/connections/api-key", "{\"provider\": \"slack\", \"apiKey\": \"xoxb-target\"}");
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            connection = (String) created.json().get("id");
        }
        return endpoint.path().replace("{id}", connection);
    }

    private static void assertRefusedPattern(Mutant mutant, Answer answer) {
        Map<String, Object> error = assertJsonError(mutant.toString(), answer);
        if ("invalid_pattern".equals(error.get("code"))) {
            assertLocated(mutant, (List<?>) error.get("problems"));
        }
    }

    /** At least one problem, each with a JSON pointer and a line and column in the text. */
    private static void assertLocated(Mutant mutant, List<?> problems) {
        assertThat(problems).as(mutant.toString()).isNotEmpty();
        for (Object item : problems) {
            Map<?, ?> problem = (Map<?, ?>) item;
            assertThat(problem.get("pointer")).as("%s: %s", mutant, problem).isInstanceOf(String.class);
            assertThat((String) problem.get("message")).as("%s: %s", mutant, problem).isNotBlank().hasSizeLessThan(1000)
                    .doesNotContain("Exception", "\tat ");
            assertThat((Integer) problem.get("line")).as("%s: %s", mutant, problem).isPositive();
            assertThat((Integer) problem.get("column")).as("%s: %s", mutant, problem).isPositive();
        }
    }

    /** A 4xx answer whose body is a small JSON document {@code {"error": {"code", "message"}}}. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> assertJsonError(String what, Answer answer) {
        assertThat(answer.status()).as("%s -> %s", what, abbreviate(answer.body())).isBetween(400, 499);
        assertThat(answer.contentType()).as(what).startsWith("application/json");
        assertThat(answer.body().length()).as("%s -> %s", what, abbreviate(answer.body())).isLessThan(MAX_ANSWER);
        assertThat(answer.json()).as("%s -> %s", what, abbreviate(answer.body())).containsKey("error");
        Map<String, Object> error = (Map<String, Object>) answer.json().get("error");
        assertThat(error).as(what).containsKeys("code", "message");
        assertThat((String) error.get("message")).as(what).doesNotContain("Exception", "\tat ");
        return error;
    }

    private static Map<String, Long> families(List<Mutant> mutants) {
        return mutants.stream().collect(Collectors.groupingBy(Mutant::family, TreeMap::new, Collectors.counting()));
    }

    private static void count(String kind, int inputs) {
        synchronized (RAN) {
            RAN.merge(kind, inputs, Integer::sum);
        }
    }

    record Answer(int status, String contentType, String body, Map<String, Object> json) {
    }

    private static Answer call(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + alice)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        @SuppressWarnings("unchecked")
        Map<String, Object> json = contentType.startsWith("application/json") && !response.body().isEmpty()
                ? JSON.readValue(response.body(), Map.class) : Map.of();
        return new Answer(response.statusCode(), contentType, response.body(), json);
    }

    private static String abbreviate(String text) {
        return text.length() > 400 ? text.substring(0, 400) + "..." : text;
    }
}
