package dev.keyway.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyway.engine.server.ApiServer;
import dev.keyway.engine.server.UserStore;
import dev.keyway.engine.testing.TestPluginBuilder;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine's own endpoints, served for real on loopback with a real plugin loaded. */
class ServeCommandTest {

    private static final String CANARY = "canary-serve-5d1e";
    private static final String PATTERN = """
            {"id": "shout", "name": "Shout",
             "trigger": {"type": "http", "path": "/shout", "method": "POST", "credentials": ["password"]},
             "nodes": [{"id": "up", "type": "demo.upper", "inputs": {"text": {"from": "trigger.text"}}}],
             "outputs": {"text": {"from": "up.text"}, "password": {"from": "trigger.password"}}}
            """;

    @TempDir
    Path home;

    private final HttpClient client = HttpClient.newHttpClient();
    private Session session;
    private ApiServer server;
    private String base;
    private String alice;
    private String bob;

    @BeforeEach
    void start() throws Exception {
        Path plugins = Files.createDirectories(home.resolve("plugins"));
        Files.move(TestPluginBuilder.buildDemoPlugin(home.resolve("build")), plugins.resolve("keyway-demo.zip"));
        UserStore users = new UserStore(home.resolve("users.json"), Clock.systemUTC());
        alice = users.add("alice", "acme").token().reveal();
        bob = users.add("bob", "acme").token().reveal();
        session = Session.open(new KeywayHome(home, List.of(plugins)), Map.of());
        server = ServeCommand.server(session, ApiServer.Config.defaults().withPort(0), home.resolve("patterns"));
        base = "http://127.0.0.1:" + server.start().getPort();
    }

    @AfterEach
    void stop() {
        server.close();
        session.close();
    }

    private HttpResponse<String> call(String token, String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void storesRunsAndTriggersPatternsAndKeepsRecordsPerUser() throws Exception {
        assertThat(call(alice, "PUT", "/api/patterns/shout", PATTERN).statusCode()).isEqualTo(201);
        assertThat(call(alice, "GET", "/api/patterns", null).body()).contains("\"id\":\"shout\"", "\"path\":\"/shout\"");

        HttpResponse<String> run = call(alice, "POST", "/api/patterns/shout/run",
                "{\"text\": \"hi\", \"password\": \"" + CANARY + "\"}");
        assertThat(run.statusCode()).isEqualTo(200);
        assertThat(run.body()).contains("\"status\":\"succeeded\"", "\"text\":\"HI\"", "\"password\":\"*****\"").doesNotContain(CANARY);

        HttpResponse<String> hook = call(alice, "POST", "/hooks/shout", "{\"text\": \"via hook\"}");
        assertThat(hook.body()).contains("\"text\":\"VIA HOOK\"");
        assertThat(call(alice, "GET", "/hooks/shout", null).statusCode()).isEqualTo(405);
        assertThat(call(null, "POST", "/hooks/shout", "{}").statusCode()).isEqualTo(401);
        assertThat(call(alice, "POST", "/hooks/nothing", "{}").statusCode()).isEqualTo(404);

        String executionId = run.body().replaceAll(".*\"executionId\":\"([^\"]+)\".*", "$1");
        HttpResponse<String> record = call(alice, "GET", "/api/executions/" + executionId, null);
        assertThat(record.statusCode()).isEqualTo(200);
        assertThat(record.body()).contains("\"nodes\"").doesNotContain(CANARY);
        assertThat(call(bob, "GET", "/api/executions/" + executionId, null).statusCode()).isEqualTo(404);
        assertThat(call(alice, "GET", "/api/executions", null).body()).contains(executionId);
        assertThat(call(bob, "GET", "/api/executions", null).body()).doesNotContain(executionId);
        assertNoFileContains(CANARY);
    }

    @Test
    void noStoreLeavesOnlyTheAuditLine() throws Exception {
        call(alice, "PUT", "/api/patterns/shout", PATTERN);
        HttpResponse<String> run = call(alice, "POST", "/api/patterns/shout/run?nostore=1",
                "{\"text\": \"" + CANARY + "-text\", \"password\": \"" + CANARY + "\"}");
        assertThat(run.body()).contains("\"status\":\"succeeded\"");
        String executionId = run.body().replaceAll(".*\"executionId\":\"([^\"]+)\".*", "$1");
        assertThat(call(alice, "GET", "/api/executions/" + executionId, null).statusCode()).isEqualTo(404);
        assertNoFileContains(CANARY);
    }

    @Test
    void refusesInvalidPatternsWithEveryProblemLocated() throws Exception {
        HttpResponse<String> response = call(alice, "PUT", "/api/patterns/shout",
                PATTERN.replace("demo.upper", "demo.uper").replace("\"name\": \"Shout\",", ""));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"code\":\"invalid_pattern\"", "\"pointer\":\"/nodes/0/type\"", "\"line\"");
        assertThat(call(alice, "GET", "/api/patterns/shout", null).statusCode()).isEqualTo(404);
        assertThat(call(alice, "PUT", "/api/patterns/other", PATTERN).statusCode()).isEqualTo(400);
    }

    @Test
    void describesNodeTypesAndItself() throws Exception {
        assertThat(call(alice, "GET", "/api/node-types", null).body()).contains("demo.upper", "demo.join");
        assertThat(call(alice, "GET", "/api/node-types/demo.join", null).body()).contains("\"separator\"");
        assertThat(call(alice, "GET", "/api/node-types/demo.nope", null).statusCode()).isEqualTo(404);
        assertThat(call(alice, "GET", "/api/node-types/demo.join/properties/nope/options", null).statusCode()).isEqualTo(404);
        assertThat(call(null, "GET", "/api/health", null).body()).contains("\"status\":\"ok\"");
        HttpResponse<String> openApi = call(null, "GET", "/api/openapi.json", null);
        assertThat(openApi.body()).contains("\"openapi\":\"3.1.0\"", "/api/patterns/{id}/run", "/api/executions/{id}");
    }

    private void assertNoFileContains(String canary) throws Exception {
        try (Stream<Path> files = Files.walk(home)) {
            for (Path file : files.filter(Files::isRegularFile).filter(f -> !f.toString().endsWith(".zip")).toList()) {
                assertThat(new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1))
                        .as(file.toString()).doesNotContain(canary);
            }
        }
    }
}
