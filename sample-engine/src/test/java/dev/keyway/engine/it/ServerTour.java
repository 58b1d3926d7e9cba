package dev.keyway.engine.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyway.engine.testing.Canary;
import dev.keyway.samples.ProviderEmulator;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Everything a user does with a running {@code keyway serve}, each credential a canary: creates an
 * API key (then rotates it), a Vault token, Basic and bearer connections and an OAuth connection;
 * tests them; runs patterns that use every one of them, with runtime (trigger) credentials and
 * without storing anything; reads executions, usage trails, the picker, the OpenAPI document and
 * the Connections page; deletes connections (revoking the OAuth tokens). Every answer lands in the
 * corpus through {@link CapturingHttp}; every credential it planted is in {@link #canaries()}.
 */
final class ServerTour {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final CapturingHttp http;
    private final Map<String, String> alice;
    private final ProviderEmulator.Credentials provider;
    private final ProviderEmulator emulator;
    private final LoopbackOAuthProvider oauth;
    private final String marker;
    private final List<Canary> canaries = new ArrayList<>();
    private final List<String> executions = new ArrayList<>();

    /**
     * @param provider what {@code emulator} accepts; each value is planted in exactly one connection or payload
     * @param marker   a value that is not secret and must therefore be found (the sweep's positive control)
     */
    ServerTour(CapturingHttp http, String aliceToken, ProviderEmulator emulator, ProviderEmulator.Credentials provider,
               LoopbackOAuthProvider oauth, String marker) {
        this.http = http;
        this.alice = Map.of("Authorization", "Bearer " + aliceToken);
        this.emulator = emulator;
        this.provider = provider;
        this.oauth = oauth;
        this.marker = marker;
    }

    List<Canary> canaries() {
        return canaries;
    }

    List<String> executions() {
        return executions;
    }

    void run(Path patterns) throws Exception {
        readThePublicFaces();
        String host = emulator.hostAndPort();
        String firstSlackKey = plant("Slack API key (first)", Canary.plant("xoxb-first-"));
        plant("Slack API key (rotated)", provider.slackToken());
        String slack = created(post("/api/connections/api-key", Map.of("provider", "slack", "apiKey", firstSlackKey,
                "displayName", "Slack " + marker, "baseUrl", emulator.baseUrl("slack") + "/api",
                "allowedHosts", List.of(host))));
        assertThat(post("/api/connections/" + slack + "/test", null).text("result")).isNotEqualTo("passed");
        assertThat(http.send("PATCH", "/api/connections/" + slack, json(Map.of("apiKey", provider.slackToken())), alice)
                .status()).isEqualTo(200);
        assertThat(post("/api/connections/" + slack + "/test", null).text("result")).isEqualTo("passed");

        String vault = created(post("/api/connections/credentials", Map.of("provider", "vault", "displayName", "Vault",
                "credentials", Map.of("token", plant("Vault token", provider.vaultToken()),
                        "base-url", emulator.baseUrl("vault")), "allowedHosts", List.of(host))));
        assertThat(post("/api/connections/" + vault + "/test", null).text("result")).isEqualTo("passed");
        String held = plant("credential held in Vault", Canary.plant("vault-held-"));
        emulator.putVaultSecret("secret", "app", json(Map.of("api_key", held)));

        plant("Basic password", provider.jiraToken());
        canaries.add(Canary.basic("Basic user:password", provider.jiraEmail(), provider.jiraToken()));
        String basic = created(post("/api/connections/credentials", Map.of("provider", "basic", "displayName", "Basic",
                "credentials", Map.of("username", provider.jiraEmail(), "password", provider.jiraToken(),
                        "base-url", emulator.baseUrl("jira")), "allowedHosts", List.of(host))));
        String bearer = created(post("/api/connections/credentials", Map.of("provider", "bearer", "displayName",
                "Bearer", "credentials", Map.of("token", plant("bearer token", Canary.plant("bearer-")),
                        "base-url", emulator.baseUrl("github")), "allowedHosts", List.of(host))));
        assertThat(post("/api/connections/" + bearer + "/test", null).text("result")).isEqualTo("not_tested");

        CapturingHttp.Answer connected = http.visit("/api/connections/oauth/gitlab/start?displayName=GitLab&baseUrl="
                + URLEncoder.encode(oauth.url(), StandardCharsets.UTF_8), alice);
        assertThat(connected.body()).as("the OAuth callback page").contains("Connected");
        String gitlab = connectionNamed("GitLab");

        runPatterns(patterns, slack, vault, basic, bearer, gitlab);
        readEverything(List.of(slack, vault, basic, bearer, gitlab));
        for (String id : List.of(bearer, basic, gitlab)) {
            assertThat(http.send("DELETE", "/api/connections/" + id, null, alice).status()).isIn(200, 204);
        }
        assertThat(oauth.revocations.get()).as("tokens revoked at the provider on delete").isPositive();
    }

    private void readThePublicFaces() {
        for (String path : List.of("/api/health", "/api/openapi.json", "/connections/app.js", "/connections/app.css")) {
            assertThat(http.send("GET", path, null, Map.of()).status()).as(path).isEqualTo(200);
        }
        assertThat(http.visit("/", Map.of()).body()).as("the Connections page").contains("<html");
        for (String path : List.of("/api/providers", "/api/node-types", "/api/patterns")) {
            assertThat(http.send("GET", path, null, alice).status()).as(path).isEqualTo(200);
        }
    }

    private void runPatterns(Path patterns, String slack, String vault, String basic, String bearer, String gitlab)
            throws Exception {
        assertThat(http.send("PUT", "/api/patterns/sweep-all", SWEEP_ALL.formatted(slack, vault, basic, bearer, gitlab),
                alice).status()).isEqualTo(201);
        String payload = json(Map.of("note", marker, "encoded", Base64.getEncoder()
                .encodeToString(("xx" + marker).getBytes(StandardCharsets.UTF_8))));
        for (int run = 0; run < 2; run++) {
            // The refresh margin makes every run renew the OAuth tokens: each generation is a canary too.
            CapturingHttp.Answer ran = http.send("POST", "/api/patterns/sweep-all/run", payload, alice);
            assertThat(ran.body()).as("sweep-all").contains("\"status\":\"succeeded\"", "\"projects\":[\"keyway\"]",
                    "\"jira\":200", "\"bearer\":401", marker);
            executions.add(ran.text("executionId"));
        }
        assertThat(http.send("POST", "/api/patterns/sweep-all/run", payload, withAlice("x-keyway-nostore", "1"))
                .body()).contains("\"status\":\"succeeded\"");

        String runtime = Files.readString(patterns.resolve("runtime-credentials.json"));
        assertThat(http.send("PUT", "/api/patterns/runtime-credentials", runtime, alice).status()).isEqualTo(201);
        String trigger = json(Map.of("token", plant("runtime trigger credential", provider.githubToken()),
                "apiBase", emulator.baseUrl("github")));
        CapturingHttp.Answer hooked = http.send("POST", "/hooks/github/whoami-runtime", trigger, alice);
        assertThat(hooked.body()).contains("\"login\":\"keyway-demo\"");
        executions.add(hooked.text("executionId"));
        assertThat(http.send("POST", "/api/patterns/runtime-credentials/run", trigger,
                withAlice("x-keyway-nostore", "1")).body()).contains("\"login\":\"keyway-demo\"");
    }

    private void readEverything(List<String> connections) {
        assertThat(http.send("GET", "/api/connections", null, alice).status()).isEqualTo(200);
        for (String id : connections) {
            assertThat(http.send("GET", "/api/connections/" + id, null, alice).status()).isEqualTo(200);
            assertThat(http.send("GET", "/api/connections/" + id + "/usage", null, alice).status()).isEqualTo(200);
        }
        assertThat(http.send("GET", "/api/node-types/connections.http-request/properties/connection/options", null,
                alice).status()).isEqualTo(200);
        assertThat(http.send("GET", "/api/executions", null, alice).status()).isEqualTo(200);
        for (String id : executions) {
            assertThat(http.send("GET", "/api/executions/" + id, null, alice).status()).isEqualTo(200);
        }
    }

    private String plant(String label, String value) {
        canaries.add(Canary.secret(label, value));
        return value;
    }

    private CapturingHttp.Answer post(String path, Object body) throws Exception {
        return http.send("POST", path, body == null ? null : json(body), alice);
    }

    private static String created(CapturingHttp.Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer.text("id");
    }

    @SuppressWarnings("unchecked")
    private String connectionNamed(String name) {
        List<Map<String, Object>> all = (List<Map<String, Object>>) http.send("GET", "/api/connections", null, alice)
                .json().get("connections");
        return all.stream().filter(c -> name.equals(c.get("displayName"))).map(c -> (String) c.get("id"))
                .findFirst().orElseThrow(() -> new AssertionError("no connection named " + name + " in " + all));
    }

    private Map<String, String> withAlice(String header, String value) {
        return Map.of("Authorization", alice.get("Authorization"), header, value);
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Uses every connection of the tour once, shows each credential to the outputs (to be masked). */
    private static final String SWEEP_ALL = """
            {
              "id": "sweep-all", "name": "Every connection once",
              "trigger": { "type": "http", "path": "/sweep/all", "method": "POST" },
              "nodes": [
                { "id": "slack", "type": "connections.http-request",
                  "properties": { "method": "POST", "url": "{baseUrl}/chat.postMessage", "connection": "%s" },
                  "inputs": { "body": { "channel": "#sweep", "text": "hello" } } },
                { "id": "vault", "type": "connections.http-request",
                  "properties": { "method": "GET", "url": "{baseUrl}/v1/secret/data/app", "connection": "%s",
                                  "secretPaths": ["body.data.data"] } },
                { "id": "jira", "type": "connections.http-request",
                  "properties": { "method": "GET", "url": "{baseUrl}/rest/api/3/myself", "connection": "%s" } },
                { "id": "bearer", "type": "connections.http-request",
                  "properties": { "method": "GET", "url": "{baseUrl}/user", "connection": "%s",
                                  "failOnErrorStatus": false } },
                { "id": "gitlab", "type": "connections.http-request",
                  "properties": { "method": "GET", "url": "{baseUrl}/projects", "connection": "%5$s" } },
                { "id": "cred", "type": "connections.get-connection", "properties": { "connection": "%5$s" } },
                { "id": "key", "type": "connections.get-secret", "properties": { "name": "SLACK_API_KEY" } },
                { "id": "header", "type": "connections.set-property",
                  "properties": { "path": "Authorization", "template": "Bearer {value}" },
                  "inputs": { "value": { "from": "key.value" } } }
              ],
              "outputs": {
                "slack": { "from": "slack.body.ok" }, "held": { "from": "vault.body.data.data.api_key" },
                "jira": { "from": "jira.status" }, "bearer": { "from": "bearer.status" },
                "bearerAnswer": { "from": "bearer.body" }, "projects": { "from": "gitlab.body.projects" },
                "oauth": { "from": "cred.credentials" }, "slackKey": { "from": "key.value" },
                "header": { "from": "header.object" },
                "note": { "from": "trigger.note" }, "encoded": { "from": "trigger.encoded" }
              }
            }
            """;
}
