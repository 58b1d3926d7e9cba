package dev.keyway.engine.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The connections REST API, black box: the built distribution with the real plugin zip, started
 * as {@code keyway serve} in its own process and called over HTTP. Checks authentication, every
 * endpoint, isolation between users, a hundred malformed bodies, and that a canary API key shows
 * up in no answer, no log line and no file, in any usual encoding.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConnectionsApiIT {

    /** Characters that change under URL and JSON escaping, so each encoding is a different string. */
    private static final String CANARY_CORE = UUID.randomUUID().toString().replace("-", "");
    private static final String CANARY = "xoxb-canary-" + CANARY_CORE + "/+=\"&";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path home;

    private static KeywayProcess keyway;
    private static String base;
    private static String alice;
    private static String bob;
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final List<String> ANSWERS = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        keyway = new KeywayProcess(Path.of(System.getProperty("keyway.distribution")), home);
        alice = keyway.run("users", "add", "alice").trim();
        bob = keyway.run("users", "add", "bob").trim();
        base = keyway.serve();
    }

    @AfterAll
    static void stop() throws Exception {
        keyway.close();
    }

    record Answer(int status, String body, Map<String, Object> json) {
    }

    private static Answer call(String token, String method, String path, String contentType, byte[] body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        synchronized (ANSWERS) {
            ANSWERS.add(response.body());
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> json = response.body().isEmpty() ? Map.of() : JSON.readValue(response.body(), Map.class);
        return new Answer(response.statusCode(), response.body(), json);
    }

    private static Answer call(String token, String method, String path, String jsonBody) throws Exception {
        return call(token, method, path, jsonBody == null ? null : "application/json",
                jsonBody == null ? null : jsonBody.getBytes(StandardCharsets.UTF_8));
    }

    private static String create(String token, String body) throws Exception {
        Answer created = call(token, "POST", "/api/connections/api-key", body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return (String) created.json().get("id");
    }

    @Test
    @Order(1)
    void everyEndpointNeedsAToken() throws Exception {
        for (String[] route : new String[][] {{"GET", "/api/connections"}, {"POST", "/api/connections/api-key"},
                {"POST", "/api/connections/credentials"}, {"GET", "/api/connections/conn_x"}, {"PATCH", "/api/connections/conn_x"},
                {"DELETE", "/api/connections/conn_x"}, {"POST", "/api/connections/conn_x/test"},
                {"POST", "/api/connections/conn_x/shares"}, {"DELETE", "/api/connections/conn_x/shares/bob"},
                {"GET", "/api/connections/conn_x/usage"}, {"GET", "/api/providers"}}) {
            Answer answer = call(null, route[0], route[1], "{}");
            assertThat(answer.status()).as(route[0] + " " + route[1]).isEqualTo(401);
            assertThat(error(answer)).containsEntry("code", "unauthorized");
            assertThat(call("not-a-token", route[0], route[1], "{}").status()).isEqualTo(401);
        }
    }

    @Test
    @Order(1)
    void thePluginsOauthRoutesAreServedAndOnlyTheCallbackIsOpen() throws Exception {
        assertThat(call(null, "GET", "/api/connections/oauth/gitlab/start", null).status()).isEqualTo(401);
        Answer unconfigured = call(alice, "GET", "/api/connections/oauth/gitlab/start", null);
        assertThat(unconfigured.status()).isEqualTo(400);
        assertThat(unconfigured.body()).contains("connections.oauth.gitlab.client-id");
        assertThat(call(null, "POST", "/api/connections/conn_x/reconnect", null).status()).isEqualTo(401);

        // No API token: the single-use state authenticates a callback, and a forged one is refused.
        HttpResponse<String> forged = CLIENT.send(HttpRequest.newBuilder(
                URI.create(base + "/api/connections/oauth/callback?state=forged&code=x")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isEqualTo(400);
        assertThat(forged.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
        assertThat(forged.body()).contains("invalid_state", "Nothing was saved");
    }

    @Test
    @Order(2)
    void everyEndpointWorksOverHttp() throws Exception {
        Answer created = call(alice, "POST", "/api/connections/api-key", "{\"provider\": \"slack\", \"apiKey\": "
                + JSON.writeValueAsString(CANARY) + ", \"displayName\": \"Slack - Engineering\"}");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json()).containsEntry("provider", "slack").containsEntry("type", "api_key")
                .containsEntry("status", "active").containsEntry("seedResult",
                        Map.of("secretsSeeded", 2, "secretNames", List.of("SLACK_API_KEY", "SLACK_BOT_TOKEN")));
        assertThat((String) created.json().get("createdAt")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        String slack = (String) created.json().get("id");

        Answer jira = call(alice, "POST", "/api/connections/credentials", """
                {"provider": "jira", "displayName": "Jira - Production", "credentials": {"user-email": "[email protected]",
                 "api-token": "%s", "base-url": "https://mycompany.atlassian.net"}}""".formatted(CANARY_CORE + "-jira"));
        assertThat(jira.status()).isEqualTo(201);
        assertThat(jira.json()).containsEntry("type", "credentials").containsEntry("seedResult", Map.of("secretsSeeded", 3,
                "secretNames", List.of("JIRA_USER_EMAIL", "JIRA_API_TOKEN", "JIRA_BASE_URL")));

        Answer list = call(alice, "GET", "/api/connections?provider=slack", null);
        assertThat(list.status()).isEqualTo(200);
        assertThat((List<?>) list.json().get("connections")).hasSize(1);
        Answer one = call(alice, "GET", "/api/connections/" + slack, null);
        assertThat(one.json()).containsEntry("id", slack).containsEntry("owner", "alice").containsKeys("sharedWith",
                "lastUsedAt", "statusReason", "lastCheckedAt", "allowedHosts", "baseUrl", "environment", "tags", "scopes");

        Answer patched = call(alice, "PATCH", "/api/connections/" + slack,
                "{\"displayName\": \"Slack - Ops\", \"apiKey\": " + JSON.writeValueAsString(CANARY + "-rotated") + "}");
        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.json()).containsEntry("id", slack).containsEntry("displayName", "Slack - Ops");

        String bearer = create(alice, "{\"provider\": \"bearer\", \"apiKey\": \"t\", \"baseUrl\": \"https://api.example.com\"}");
        Answer tested = call(alice, "POST", "/api/connections/" + bearer + "/test", null);
        assertThat(tested.status()).isEqualTo(200);
        assertThat(tested.json()).containsEntry("result", "not_tested").containsKeys("status", "message");

        Answer shared = call(alice, "POST", "/api/connections/" + slack + "/shares", "{\"user\": \"bob\"}");
        assertThat(shared.json()).containsEntry("sharedWith", List.of("bob"));
        assertThat(call(bob, "GET", "/api/connections/" + slack, null).status()).isEqualTo(200);
        assertThat(call(bob, "DELETE", "/api/connections/" + slack, null).status()).isEqualTo(404);
        assertThat(call(alice, "DELETE", "/api/connections/" + slack + "/shares/bob", null).json())
                .containsEntry("sharedWith", List.of());

        Answer usage = call(alice, "GET", "/api/connections/" + slack + "/usage", null);
        assertThat(usage.status()).isEqualTo(200);
        assertThat(usage.json()).containsEntry("connectionId", slack).containsEntry("usage", List.of());

        Answer providers = call(alice, "GET", "/api/providers", null);
        assertThat(providers.status()).isEqualTo(200);
        assertThat(providers.body()).contains("\"id\":\"jira\"", "\"secret\":true", "\"oauth\":true");

        Answer deleted = call(alice, "DELETE", "/api/connections/" + bearer, null);
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(deleted.body()).isEmpty();
        assertThat(call(alice, "GET", "/api/connections/" + bearer, null).status()).isEqualTo(404);
        assertThat(call(alice, "GET", "/api/openapi.json", null).body()).contains("/api/connections/{id}/usage");
    }

    @Test
    @Order(3)
    void anotherUsersConnectionIsNotFoundOnEveryVerb() throws Exception {
        String id = create(alice, "{\"provider\": \"github\", \"apiKey\": " + JSON.writeValueAsString(CANARY) + "}");
        for (String target : List.of(id, "conn_doesnotexist")) {
            List<Answer> answers = List.of(
                    call(bob, "GET", "/api/connections/" + target, null),
                    call(bob, "PATCH", "/api/connections/" + target, "{\"apiKey\": \"mine now\"}"),
                    call(bob, "DELETE", "/api/connections/" + target, null),
                    call(bob, "POST", "/api/connections/" + target + "/test", null),
                    call(bob, "POST", "/api/connections/" + target + "/shares", "{\"user\": \"bob\"}"),
                    call(bob, "DELETE", "/api/connections/" + target + "/shares/bob", null),
                    call(bob, "GET", "/api/connections/" + target + "/usage", null));
            for (Answer answer : answers) {
                assertThat(answer.status()).as(answer.body()).isEqualTo(404);
                assertThat(error(answer)).containsEntry("code", "not_found");
            }
        }
        assertThat(call(bob, "GET", "/api/connections", null).body()).doesNotContain(id);
        assertThat(call(alice, "GET", "/api/connections/" + id, null).status()).isEqualTo(200);
    }

    @Test
    @Order(4)
    void aPatternsUseOfAConnectionShowsInItsUsageTrail() throws Exception {
        String id = create(alice, "{\"provider\": \"slack\", \"apiKey\": " + JSON.writeValueAsString(CANARY) + "}");
        String pattern = """
                {"id": "slack-key", "name": "Slack key", "trigger": {"type": "http", "path": "/slack-key"},
                 "nodes": [{"id": "cred", "type": "connections.get-connection", "properties": {"connection": "%s"}}],
                 "outputs": {"key": {"from": "cred.credentials.api-key"}, "provider": {"from": "cred.provider"}}}
                """.formatted(id);
        assertThat(call(alice, "PUT", "/api/patterns/slack-key", pattern).status()).isEqualTo(201);

        Answer run = call(alice, "POST", "/api/patterns/slack-key/run", "{}");

        assertThat(run.body()).contains("\"status\":\"succeeded\"", "\"provider\":\"slack\"");
        String executionId = (String) run.json().get("executionId");
        List<?> usage = (List<?>) call(alice, "GET", "/api/connections/" + id + "/usage", null).json().get("usage");
        assertThat(usage).hasSize(1);
        @SuppressWarnings("unchecked")
        Map<String, Object> entry = (Map<String, Object>) usage.get(0);
        assertThat(entry).containsEntry("connectionId", id).containsEntry("executionId", executionId)
                .containsEntry("nodeId", "cred").containsEntry("outcome", "ok").containsKey("at");
        assertThat(call(alice, "GET", "/api/connections/" + id, null).json().get("lastUsedAt")).isNotNull();
    }

    @Test
    @Order(5)
    void malformedBodiesGetAJsonErrorAndTheServerStaysUp() throws Exception {
        String id = create(alice, "{\"provider\": \"slack\", \"apiKey\": " + JSON.writeValueAsString(CANARY) + "}");
        List<MalformedBodies.Case> cases = MalformedBodies.all();
        assertThat(cases).hasSizeGreaterThanOrEqualTo(100);
        for (MalformedBodies.Case bad : cases) {
            Answer answer;
            try {
                answer = call(alice, bad.method(), bad.path().replace("{id}", id), bad.contentType(), bad.body());
            } catch (java.io.IOException e) {
                // Over the host's body limit the server answers 413 at once without reading the body; the
                // JDK server then closes a connection with unread input, and the client may see a reset
                // before the answer. The connection is refused either way; the health check below shows
                // the server survived it.
                assertThat(bad.body().length).as(bad.label() + ": " + e.getMessage()).isGreaterThan(1 << 20);
                continue;
            }
            assertThat(answer.status()).as(bad.label() + " -> " + abbreviate(answer.body())).isBetween(400, 499);
            assertThat(error(answer)).as(bad.label()).containsKeys("code", "message");
            assertThat(answer.body().length()).as(bad.label()).isLessThan(4096);
        }
        assertThat(call(null, "GET", "/api/health", null).status()).isEqualTo(200);
        assertThat(keyway.serverAlive()).isTrue();
        // Nothing half-made: alice still has exactly the connections the earlier tests left.
        assertThat((List<?>) call(alice, "GET", "/api/connections", null).json().get("connections")).hasSize(5);
    }

    @Test
    @Order(6)
    void theCanaryIsInNoAnswerNoLogAndNoFile() throws Exception {
        Set<String> forms = canaryForms();
        synchronized (ANSWERS) {
            for (String answer : ANSWERS) {
                assertNoneIn(answer, forms, "an answer");
            }
        }
        keyway.close();
        assertNoneIn(keyway.output(), forms, "the server log");
        assertThat(keyway.output()).as("the server logged, at debug level").contains("Keyway listening", " DEBUG ");
        try (Stream<Path> files = Files.walk(home)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertNoneIn(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1), forms, file.toString());
            }
        }
    }

    /** The canary as plain text and as base64, URL and JSON encodings would write it. */
    private static Set<String> canaryForms() throws Exception {
        Set<String> forms = new LinkedHashSet<>();
        forms.add(CANARY);
        forms.add(CANARY_CORE);
        forms.add(URLEncoder.encode(CANARY, StandardCharsets.UTF_8));
        forms.add(JSON.writeValueAsString(CANARY));
        forms.add(CANARY.replace("/", "\\/"));
        for (Base64.Encoder encoder : List.of(Base64.getEncoder(), Base64.getUrlEncoder())) {
            for (int shift = 0; shift < 3; shift++) {
                // Base64 of the canary at any offset in a longer value shares this middle part.
                String encoded = encoder.encodeToString(("x".repeat(shift) + CANARY).getBytes(StandardCharsets.UTF_8));
                forms.add(encoded.substring(shift == 0 ? 0 : 4, encoded.length() - 4));
            }
        }
        return forms;
    }

    private static void assertNoneIn(String text, Set<String> forms, String where) {
        for (String form : forms) {
            assertThat(text).as(where + " must not contain the canary as " + form).doesNotContain(form);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> error(Answer answer) {
        assertThat(answer.json()).as(answer.body()).containsKey("error");
        return (Map<String, Object>) answer.json().get("error");
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }
}
