package dev.keyway.engine.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyway.api.ApiException;
import dev.keyway.api.ApiResponse;
import dev.keyway.api.ApiRoute;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiServerTest {

    @TempDir
    Path home;

    private final HttpClient client = HttpClient.newHttpClient();
    private final CountDownLatch slowStarted = new CountDownLatch(1);
    private ApiServer server;
    private String base;
    private String token;

    @BeforeEach
    void start() throws Exception {
        UserStore users = new UserStore(home.resolve("users.json"), Clock.systemUTC());
        token = users.add("alice", "acme").token().reveal();
        ClassLoader loader = getClass().getClassLoader();
        List<Route> routes = List.of(
                Route.of(ApiRoute.of("GET", "/things/{id}", "one thing", r -> ApiResponse.ok(Map.of(
                        "id", r.pathParams().get("id"), "user", r.principal().user(), "environment", r.environment()))), "test", loader),
                Route.of(ApiRoute.of("GET", "/things/special", "a literal beats a parameter",
                        r -> ApiResponse.ok(Map.of("special", true))), "test", loader),
                Route.of(ApiRoute.of("POST", "/things", "echo", r -> ApiResponse.json(201, r.jsonBody())), "test", loader),
                Route.of(ApiRoute.of("GET", "/boom", "fails", r -> {
                    throw new IllegalStateException("internal detail canary-boom");
                }), "test", loader),
                Route.of(ApiRoute.of("GET", "/teapot", "4xx", r -> {
                    throw new ApiException(418, "teapot", "I am a teapot");
                }), "test", loader),
                Route.of(ApiRoute.of("GET", "/slow", "slow", r -> {
                    slowStarted.countDown();
                    sleep(700);
                    return ApiResponse.ok(Map.of("done", true));
                }), "test", loader),
                Route.of(new ApiRoute("GET", "/health", false, "health", r -> ApiResponse.ok(Map.of("status", "ok"))), "host", loader));
        ApiServer.Config config = ApiServer.Config.defaults().withPort(0);
        config = new ApiServer.Config(config.bind(), 0, 1024, config.maxHeaderBytes(), config.requestTimeout(),
                Duration.ofSeconds(5), 4);
        server = new ApiServer(config, users, routes, List.of(), null);
        InetSocketAddress address = server.start();
        base = "http://127.0.0.1:" + address.getPort();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token);
    }

    @Test
    void authenticatesAndPassesPathParamsUserAndEnvironment() throws Exception {
        HttpResponse<String> response = send(get("/api/things/a%20b").header("X-Keyway-Environment", "staging"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"id\":\"a b\"", "\"user\":\"alice\"", "\"environment\":\"staging\"");
        assertThat(send(get("/api/things/x")).body()).contains("\"environment\":\"development\"");
        assertThat(send(get("/api/things/special")).body()).contains("\"special\":true");
    }

    @Test
    void refusesMissingWrongAndMalformedTokensWithJson() throws Exception {
        for (HttpRequest.Builder request : List.of(
                HttpRequest.newBuilder(URI.create(base + "/api/things/1")),
                HttpRequest.newBuilder(URI.create(base + "/api/things/1")).header("Authorization", "Bearer kw_nope"),
                HttpRequest.newBuilder(URI.create(base + "/api/things/1")).header("Authorization", "Basic abc"))) {
            HttpResponse<String> response = send(request);
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
            assertThat(response.body()).startsWith("{\"error\":{\"code\":\"unauthorized\"");
        }
        assertThat(send(HttpRequest.newBuilder(URI.create(base + "/api/health"))).statusCode()).isEqualTo(200);
    }

    @Test
    void answersUnknownPathsMethodsAndFailuresWithJsonErrors() throws Exception {
        assertThat(send(get("/api/nothing")).statusCode()).isEqualTo(404);
        HttpResponse<String> wrongMethod = send(get("/api/boom").DELETE());
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(wrongMethod.body()).contains("use GET");
        assertThat(send(get("/api/teapot")).body()).contains("\"code\":\"teapot\"", "I am a teapot");
        HttpResponse<String> boom = send(get("/api/boom"));
        assertThat(boom.statusCode()).isEqualTo(500);
        assertThat(boom.body()).contains("internal_error").doesNotContain("canary-boom").doesNotContain("Exception");
        assertThat(send(get("/index.html")).statusCode()).isEqualTo(404);
    }

    @Test
    void validatesBodies() throws Exception {
        HttpResponse<String> ok = send(get("/api/things").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"a\":[1,2]}")));
        assertThat(ok.statusCode()).isEqualTo(201);
        assertThat(ok.body()).isEqualTo("{\"a\":[1,2]}");

        HttpResponse<String> invalid = send(get("/api/things").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"a\":\n [1,")));
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.body()).contains("invalid_json", "line 2");

        HttpResponse<String> duplicate = send(get("/api/things").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"a\":1,\"a\":2}")));
        assertThat(duplicate.statusCode()).isEqualTo(400);

        HttpResponse<String> text = send(get("/api/things").header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(text.statusCode()).isEqualTo(415);

        HttpResponse<String> huge = send(get("/api/things").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("[" + "1,".repeat(2000) + "1]")));
        assertThat(huge.statusCode()).isEqualTo(413);
        assertThat(huge.body()).contains("payload_too_large");

        // Declared too large up front: still a JSON 413, not a reset connection.
        HttpResponse<String> declared = send(get("/api/things").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[8000])));
        assertThat(declared.statusCode()).isEqualTo(413);
        assertThat(declared.body()).contains("payload_too_large");

        HttpResponse<String> deep = send(get("/api/things").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("[".repeat(200) + "]".repeat(200))));
        assertThat(deep.statusCode()).isEqualTo(400);

        // Half a surrogate pair is no text; where it is is said, what it is (maybe a credential) is not.
        HttpResponse<String> surrogate = send(get("/api/things").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"a\": [\"ok\", {\"key\": \"s3cret\\ud800\"}]}")));
        assertThat(surrogate.statusCode()).isEqualTo(400);
        assertThat(surrogate.body()).contains("invalid_json", "half of a surrogate pair", "at /a/1/key").doesNotContain("s3cret");
        HttpResponse<String> pair = send(get("/api/things").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"\\ud83d\\udd11\": 1}")));
        assertThat(pair.statusCode()).isEqualTo(201);
    }

    @Test
    void shutdownLetsARunningRequestFinish() throws Exception {
        CompletableFuture<HttpResponse<String>> slow = client.sendAsync(get("/api/slow").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(slowStarted.await(5, TimeUnit.SECONDS)).isTrue();
        server.close();
        HttpResponse<String> response = slow.get(10, TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"done\":true");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
