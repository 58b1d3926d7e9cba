package dev.keyway.connections.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyway.api.Principal;
import dev.keyway.connections.nodes.GetConnectionNode;
import dev.keyway.connections.testing.TestNodeContext;
import dev.keyway.connections.store.UsageEvent;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every endpoint's status codes and JSON shapes, against the reference examples, over a real store. */
class ConnectionsApiTest {

    static final Principal ALICE = new Principal("alice", "acme");
    static final Principal BOB = new Principal("bob", "acme");
    static final Principal CAROL = new Principal("carol", "acme");
    static final String CANARY = "xoxb-canary-7f3a9c21e5";
    static final Instant NOW = Instant.parse("2026-03-05T12:00:00Z");

    @TempDir
    Path data;

    private ApiHarness api;
    private final java.io.ByteArrayOutputStream log = new java.io.ByteArrayOutputStream();
    private java.io.PrintStream stderr;

    @BeforeEach
    void open() {
        // slf4j-simple writes to whatever System.err is at the time: tee it to look for the canary.
        stderr = System.err;
        java.io.PrintStream original = stderr;
        System.setErr(new java.io.PrintStream(new java.io.OutputStream() {
            @Override
            public void write(int b) {
                original.write(b);
                log.write(b);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) {
                original.write(bytes, offset, length);
                log.write(bytes, offset, length);
            }
        }, true));
        api = new ApiHarness(data, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void close() {
        try {
            api.close();
            assertThat(api.rendered).allSatisfy(json -> assertThat(json).doesNotContain(CANARY)
                    .doesNotContain("canary-jira-token"));
            assertThat(log.toString(java.nio.charset.StandardCharsets.UTF_8)).contains("master key")
                    .doesNotContain(CANARY).doesNotContain("canary-jira-token");
        } finally {
            System.setErr(stderr);
        }
    }

    @Test
    void aStoppedPluginAnswers503NotAServerError() {
        var providers = new ConnectionsApi().routes().stream().filter(r -> r.path().equals("/providers")).findFirst()
                .orElseThrow();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> providers.handler().handle(
                        TestApiRequest.of("GET", "/providers", Map.of(), ALICE, null)))
                .isInstanceOfSatisfying(dev.keyway.api.ApiException.class, e -> assertThat(e.status()).isEqualTo(503));
    }

    private String slack(Principal owner) {
        ApiHarness.Answer created = api.call(owner, "POST", "/connections/api-key",
                "{\"provider\": \"slack\", \"apiKey\": \"" + CANARY + "\", \"displayName\": \"Slack - Engineering\"}");
        assertThat(created.status()).isEqualTo(201);
        return (String) created.map().get("id");
    }

    @Test
    void createsAnApiKeyConnectionWithTheReferenceShapeAndSeededSecrets() {
        ApiHarness.Answer created = api.call(ALICE, "POST", "/connections/api-key",
                "{\"provider\": \"slack\", \"apiKey\": \"" + CANARY + "\", \"displayName\": \"Slack - Engineering\","
                        + " \"tags\": [\"team-a\"]}");

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.map()).containsEntry("provider", "slack").containsEntry("displayName", "Slack - Engineering")
                .containsEntry("type", "api_key").containsEntry("status", "active")
                .containsEntry("createdAt", "2026-03-05T12:00:00.000Z")
                .containsEntry("seedResult", Map.of("secretsSeeded", 2, "secretNames", List.of("SLACK_API_KEY", "SLACK_BOT_TOKEN")))
                .containsEntry("tags", List.of("team-a")).containsEntry("environment", "development")
                .containsEntry("owner", "alice").containsEntry("sharedWith", List.of());
        assertThat((String) created.map().get("id")).startsWith("conn_");
        assertThat(api.runtime.store().environmentSecret(ALICE, "staging", "SLACK_BOT_TOKEN").orElseThrow().reveal())
                .isEqualTo(CANARY);
    }

    @Test
    void createsAMultiFieldConnectionAndPicksTheProvidersKind() {
        ApiHarness.Answer created = api.call(ALICE, "POST", "/connections/credentials", """
                {"provider": "jira", "displayName": "Jira - Production",
                 "credentials": {"user-email": "[email protected]", "api-token": "canary-jira-token",
                                 "base-url": "https://mycompany.atlassian.net"}}""");

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.map()).containsEntry("type", "credentials").containsEntry("displayName", "Jira - Production")
                .containsEntry("seedResult", Map.of("secretsSeeded", 3,
                        "secretNames", List.of("JIRA_USER_EMAIL", "JIRA_API_TOKEN", "JIRA_BASE_URL")));

        ApiHarness.Answer basic = api.call(ALICE, "POST", "/connections/credentials",
                "{\"provider\": \"bitbucket\", \"credentials\": {\"username\": \"a\", \"app-password\": \"p\"}}");
        assertThat(basic.map()).containsEntry("type", "basic").containsEntry("displayName", "Bitbucket");
        ApiHarness.Answer bearer = api.call(ALICE, "POST", "/connections/credentials", "{\"provider\": \"bearer\","
                + " \"type\": \"bearer\", \"credentials\": {\"token\": \"t\"}, \"baseUrl\": \"https://api.example.com\"}");
        assertThat(bearer.status()).isEqualTo(201);
        assertThat(bearer.map()).containsEntry("type", "bearer").containsEntry("baseUrl", "https://api.example.com");
    }

    @Test
    void theGenericApiKeyProviderTakesPlacementAndParameterName() {
        ApiHarness.Answer created = api.call(ALICE, "POST", "/connections/api-key", """
                {"provider": "api_key", "apiKey": "k", "baseUrl": "https://internal.example.com",
                 "placement": "query", "paramName": "token", "allowedHosts": ["files.example.com"]}""");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.map()).containsEntry("baseUrl", "https://internal.example.com")
                .containsEntry("allowedHosts", List.of("files.example.com"));

        ApiHarness.Answer wrong = api.call(ALICE, "POST", "/connections/api-key",
                "{\"provider\": \"api_key\", \"apiKey\": \"k\", \"baseUrl\": \"https://x.example.com\", \"placement\": \"body\"}");
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.errorMessage()).contains("placement", "header, query, cookie");
    }

    @Test
    void createRefusesIncompleteAndMalformedBodiesWithTheReferenceMessages() {
        assertError(api.call(ALICE, "POST", "/connections/api-key", "{\"provider\": \"slack\"}"), 400,
                "provider and apiKey are required");
        assertError(api.call(ALICE, "POST", "/connections/api-key", "{\"apiKey\": \"" + CANARY + "\"}"), 400,
                "provider and apiKey are required");
        assertError(api.call(ALICE, "POST", "/connections/api-key", "{\"provider\": \"slack\", \"apiKey\": \"\"}"), 400,
                "provider and apiKey are required");
        assertError(api.call(ALICE, "POST", "/connections/credentials", "{\"provider\": \"jira\", \"credentials\": {}}"),
                400, "provider and credentials (non-empty object) are required");
        assertError(api.call(ALICE, "POST", "/connections/credentials", "{\"credentials\": {\"a\": \"b\"}}"), 400,
                "provider and credentials (non-empty object) are required");
        assertError(api.call(ALICE, "POST", "/connections/api-key",
                "{\"provider\": \"slack\", \"apiKey\": \"" + CANARY + "\", \"colour\": 1, \"size\": 2}"), 400,
                "unknown fields 'colour', 'size'");
        assertError(api.call(ALICE, "POST", "/connections/api-key", "{\"provider\": 7, \"apiKey\": \"x\"}"), 400,
                "field 'provider' must be a string, not a number");
        assertError(api.call(ALICE, "POST", "/connections/api-key", "{\"provider\": \"slack\", \"apiKey\": 12345}"), 400,
                "field 'apiKey' must be a string, not a number");
        assertError(api.call(ALICE, "POST", "/connections/api-key",
                "{\"provider\": \"slack\", \"apiKey\": \"x\", \"tags\": \"a\"}"), 400, "field 'tags' must be an array of strings");
        assertError(api.call(ALICE, "POST", "/connections/credentials",
                "{\"provider\": \"jira\", \"credentials\": {\"api-token\": 5}}"), 400, "'api-token' must be a string, not a number");
        assertError(api.call(ALICE, "POST", "/connections/credentials",
                "{\"provider\": \"jira\", \"credentials\": [\"x\"]}"), 400, "field 'credentials' must be an object");
        assertError(api.call(ALICE, "POST", "/connections/api-key", "[1, 2]"), 400, "must be a JSON object");
        assertError(api.call(ALICE, "POST", "/connections/api-key", ""), 400, "must be a JSON object");
        assertError(api.call(ALICE, "POST", "/connections/api-key", "{\"provider\": \"nope\", \"apiKey\": \"x\"}"), 400,
                "unknown provider 'nope'");
        assertError(api.call(ALICE, "POST", "/connections/credentials",
                "{\"provider\": \"jira\", \"credentials\": {\"api-token\": \"t\"}}"), 400, "field 'user-email'");
        assertError(api.call(ALICE, "POST", "/connections/credentials",
                "{\"provider\": \"jira\", \"type\": \"oauth\", \"credentials\": {\"api-token\": \"t\"}}"), 400, "field 'type'");
        assertError(api.call(ALICE, "POST", "/connections/api-key",
                "{\"provider\": \"slack\", \"apiKey\": \"x\", \"environmentId\": \"Prod!\"}"), 400, "environmentId");
        assertThat(api.call(ALICE, "GET", "/connections", null).map().get("connections")).asList().isEmpty();
    }

    @Test
    void getsOneConnectionWithoutCredentialsAndListsWithFilters() {
        String slack = slack(ALICE);
        api.call(ALICE, "POST", "/connections/api-key", "{\"provider\": \"github\", \"apiKey\": \"g\", \"tags\": [\"ci\"],"
                + " \"environmentId\": \"production\"}");

        ApiHarness.Answer one = api.call(ALICE, "GET", "/connections/" + slack, null);
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.map()).containsOnlyKeys("id", "provider", "displayName", "type", "status", "statusReason",
                "lastCheckedAt", "scopes", "tags", "environment", "owner", "sharedWith", "baseUrl", "allowedHosts",
                "createdAt", "updatedAt", "lastUsedAt", "credentialsExpireAt", "tokenRenewal");
        assertThat(one.map()).containsEntry("updatedAt", "2026-03-05T12:00:00.000Z").containsEntry("lastUsedAt", null)
                .containsEntry("credentialsExpireAt", null).containsEntry("tokenRenewal", null);

        assertThat(ids(api.call(ALICE, "GET", "/connections", null))).hasSize(2);
        assertThat(ids(api.call(ALICE, "GET", "/connections", null, Map.of("provider", "slack")))).containsExactly(slack);
        assertThat(ids(api.call(ALICE, "GET", "/connections", null, Map.of("tag", "ci")))).hasSize(1).doesNotContain(slack);
        assertThat(ids(api.call(ALICE, "GET", "/connections", null, Map.of("environment", "development")))).containsExactly(slack);
        assertThat(ids(api.call(ALICE, "GET", "/connections", null, Map.of("status", "not_active")))).isEmpty();
        assertError(api.call(ALICE, "GET", "/connections", null, Map.of("status", "broken")), 400, "unknown connection status");
        assertError(api.call(ALICE, "GET", "/connections/conn_missing", null), 404, "conn_missing");
    }

    @Test
    void updateRenamesRetagsAndRotatesUnderTheSameId() {
        String slack = slack(ALICE);
        ApiHarness.Answer renamed = api.call(ALICE, "PATCH", "/connections/" + slack,
                "{\"displayName\": \"Slack - Ops\", \"tags\": [\"ops\"], \"apiKey\": \"xoxb-rotated\"}");

        assertThat(renamed.status()).isEqualTo(200);
        assertThat(renamed.map()).containsEntry("id", slack).containsEntry("displayName", "Slack - Ops")
                .containsEntry("tags", List.of("ops"));
        try (var resolved = api.runtime.store().resolve(slack, ALICE, "development")) {
            assertThat(resolved.credentials().field("api-key").orElseThrow().reveal()).isEqualTo("xoxb-rotated");
        }
        assertError(api.call(ALICE, "PATCH", "/connections/" + slack, "{}"), 400, "nothing to change");
        assertError(api.call(ALICE, "PATCH", "/connections/" + slack, "{\"owner\": \"bob\"}"), 400, "unknown field 'owner'");
        assertError(api.call(ALICE, "PATCH", "/connections/" + slack, "{\"credentials\": {\"nope\": \"x\"}}"), 400,
                "unknown field 'nope'");
        assertError(api.call(ALICE, "PATCH", "/connections/" + slack, "{\"displayName\": \" \"}"), 400, "displayName");
    }

    @Test
    void testReportsTheOutcomeAndStatus() {
        String id = (String) api.call(ALICE, "POST", "/connections/credentials", "{\"provider\": \"bearer\","
                + " \"credentials\": {\"token\": \"t\"}, \"baseUrl\": \"https://api.example.com\"}").map().get("id");

        ApiHarness.Answer tested = api.call(ALICE, "POST", "/connections/" + id + "/test", null);

        assertThat(tested.status()).isEqualTo(200);
        assertThat(tested.map()).containsKeys("status", "statusReason", "lastCheckedAt", "result", "httpStatus", "message")
                .containsEntry("id", id).containsEntry("status", "active").containsEntry("result", "not_tested");
        assertThat((String) tested.map().get("message")).isNotBlank();
        // Testing is using, so a user it is shared with may test it too.
        api.call(ALICE, "POST", "/connections/" + id + "/shares", "{\"user\": \"bob\"}");
        assertThat(api.call(BOB, "POST", "/connections/" + id + "/test", null).status()).isEqualTo(200);
    }

    @Test
    void sharingMakesAConnectionVisibleAndUsableButNotChangeable() {
        String slack = slack(ALICE);
        ApiHarness.Answer shared = api.call(ALICE, "POST", "/connections/" + slack + "/shares", "{\"user\": \"bob\"}");
        assertThat(shared.status()).isEqualTo(200);
        assertThat(shared.map()).containsEntry("sharedWith", List.of("bob"));

        ApiHarness.Answer seen = api.call(BOB, "GET", "/connections/" + slack, null);
        assertThat(seen.status()).isEqualTo(200);
        assertThat(seen.map()).doesNotContainKey("sharedWith").containsEntry("owner", "alice");
        assertThat(ids(api.call(BOB, "GET", "/connections", null))).containsExactly(slack);
        assertThat(api.call(BOB, "GET", "/connections/" + slack + "/usage", null).status()).isEqualTo(200);

        String missing = "conn_doesnotexist";
        for (String id : List.of(slack, missing)) {
            assertError(api.call(BOB, "PATCH", "/connections/" + id, "{\"displayName\": \"mine\"}"), 404, id);
            assertError(api.call(BOB, "DELETE", "/connections/" + id, null), 404, id);
            assertError(api.call(BOB, "POST", "/connections/" + id + "/shares", "{\"user\": \"carol\"}"), 404, id);
            assertError(api.call(BOB, "DELETE", "/connections/" + id + "/shares/bob", null), 404, id);
        }
        // A shared user's 404 reads exactly like a missing id's, bar the id itself.
        assertThat(api.call(BOB, "DELETE", "/connections/" + slack, null).errorMessage().replace(slack, "X"))
                .isEqualTo(api.call(BOB, "DELETE", "/connections/" + missing, null).errorMessage().replace(missing, "X"));

        ApiHarness.Answer unshared = api.call(ALICE, "DELETE", "/connections/" + slack + "/shares/bob", null);
        assertThat(unshared.map()).containsEntry("sharedWith", List.of());
        assertThat(api.call(BOB, "GET", "/connections/" + slack, null).status()).isEqualTo(404);
        assertError(api.call(ALICE, "POST", "/connections/" + slack + "/shares", "{}"), 400, "field 'user'");
        assertError(api.call(ALICE, "POST", "/connections/" + slack + "/shares", "{\"user\": \"alice\"}"), 400, "owns");
    }

    @Test
    void anotherUsersConnectionIsNotFoundOnEveryVerbLikeAMissingId() {
        String slack = slack(ALICE);
        String missing = "conn_doesnotexist";
        for (String id : List.of(slack, missing)) {
            List<ApiHarness.Answer> answers = List.of(
                    api.call(CAROL, "GET", "/connections/" + id, null),
                    api.call(CAROL, "PATCH", "/connections/" + id, "{\"apiKey\": \"stolen\"}"),
                    api.call(CAROL, "DELETE", "/connections/" + id, null),
                    api.call(CAROL, "POST", "/connections/" + id + "/test", null),
                    api.call(CAROL, "POST", "/connections/" + id + "/shares", "{\"user\": \"carol\"}"),
                    api.call(CAROL, "DELETE", "/connections/" + id + "/shares/bob", null),
                    api.call(CAROL, "GET", "/connections/" + id + "/usage", null));
            assertThat(answers).allSatisfy(answer -> assertError(answer, 404, id));
        }
        assertThat(ids(api.call(CAROL, "GET", "/connections", null))).isEmpty();
        assertThat(api.call(ALICE, "GET", "/connections/" + slack, null).status()).isEqualTo(200);
    }

    @Test
    void deleteRemovesTheConnectionAndItsSeededSecrets() {
        String slack = slack(ALICE);
        ApiHarness.Answer deleted = api.call(ALICE, "DELETE", "/connections/" + slack, null);
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(deleted.body()).isNull();
        assertThat(api.call(ALICE, "GET", "/connections/" + slack, null).status()).isEqualTo(404);
        assertThat(api.call(ALICE, "DELETE", "/connections/" + slack, null).status()).isEqualTo(404);
        assertThat(api.runtime.store().environmentSecret(ALICE, "development", "SLACK_API_KEY")).isEmpty();
    }

    @Test
    void usageShowsTheTrailNewestFirst() {
        String slack = slack(ALICE);
        api.runtime.store().recordUsage(new UsageEvent(slack, "exec_1", "call", "slack.com", NOW, "ok"));
        api.runtime.store().recordUsage(new UsageEvent(slack, "exec_2", "call", "slack.com", NOW.plusSeconds(60), "http_401"));

        ApiHarness.Answer usage = api.call(ALICE, "GET", "/connections/" + slack + "/usage", null);

        assertThat(usage.status()).isEqualTo(200);
        assertThat(usage.map()).containsEntry("connectionId", slack);
        assertThat(usage.map().get("usage")).asList().hasSize(2).first().isEqualTo(Map.of("connectionId", slack,
                "executionId", "exec_2", "nodeId", "call", "targetHost", "slack.com", "at", "2026-03-05T12:01:00.000Z",
                "outcome", "http_401"));
        assertThat(api.call(ALICE, "GET", "/connections/" + slack + "/usage", null, Map.of("limit", "1")).map()
                .get("usage")).asList().hasSize(1);
        assertError(api.call(ALICE, "GET", "/connections/" + slack + "/usage", null, Map.of("limit", "0")), 400, "limit");
        assertThat(api.call(ALICE, "GET", "/connections/" + slack, null).map())
                .containsEntry("lastUsedAt", "2026-03-05T12:01:00.000Z");
    }

    @Test
    void aNodesDecryptIsRecordedThroughTheRealResolverAndShownAsUsage() {
        String id = (String) api.call(ALICE, "POST", "/connections/api-key", "{\"provider\": \"slack\", \"apiKey\": \""
                + CANARY + "\", \"environmentId\": \"production\"}").map().get("id");
        GetConnectionNode node = new GetConnectionNode(() -> api.runtime.nodes());

        node.execute(new TestNodeContext(node.spec()).property("connection", id));

        List<?> usage = (List<?>) api.call(ALICE, "GET", "/connections/" + id + "/usage", null).map().get("usage");
        assertThat(usage).hasSize(1);
        assertThat(asMap(usage.get(0))).containsEntry("connectionId", id).containsEntry("executionId", "exec-1")
                .containsEntry("nodeId", "node-1").containsEntry("targetHost", null)
                .containsEntry("at", "2026-03-05T12:00:00.000Z").containsEntry("outcome", "ok");
    }

    @Test
    void providersDescribeTheirFormsAndNothingElse() {
        ApiHarness.Answer providers = api.call(ALICE, "GET", "/providers", null);
        assertThat(providers.status()).isEqualTo(200);
        List<?> all = (List<?>) providers.map().get("providers");
        Map<String, Object> jira = all.stream().map(ConnectionsApiTest::asMap).filter(p -> "jira".equals(p.get("id"))).findFirst().orElseThrow();
        assertThat(jira).containsEntry("displayName", "Jira").containsEntry("authKinds", List.of("credentials", "oauth"))
                .containsEntry("baseUrl", "{base-url}").containsEntry("oauth", true);
        Map<String, Object> email = asMap(((List<?>) jira.get("fields")).get(0));
        assertThat(email).containsOnlyKeys("name", "label", "secret", "required", "default", "allowedValues")
                .containsEntry("name", "user-email").containsEntry("secret", false).containsEntry("required", true)
                .containsEntry("default", null).containsEntry("allowedValues", List.of());
        assertThat(providers.json()).doesNotContain("clientSecret", "client_secret", "tokenUrl");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value) {
        return (Map<String, Object>) value;
    }

    private static List<String> ids(ApiHarness.Answer list) {
        assertThat(list.status()).isEqualTo(200);
        return ((List<?>) list.map().get("connections")).stream().map(c -> (String) ((Map<?, ?>) c).get("id")).toList();
    }

    static void assertError(ApiHarness.Answer answer, int status, String messagePart) {
        assertThat(answer.status()).as(answer.json()).isEqualTo(status);
        assertThat(answer.errorCode()).isEqualTo(status == 404 ? "not_found" : "bad_request");
        assertThat(answer.errorMessage()).contains(messagePart);
    }
}
