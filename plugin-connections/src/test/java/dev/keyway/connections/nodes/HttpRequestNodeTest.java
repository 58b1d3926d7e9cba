package dev.keyway.connections.nodes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyway.api.NodeException;
import dev.keyway.api.Secret;
import dev.keyway.connections.http.HttpSettings;
import dev.keyway.connections.http.SafeHttpClient;
import dev.keyway.connections.providers.ProviderCatalogue;
import dev.keyway.connections.testing.InMemoryResolver;
import dev.keyway.connections.testing.LoopbackServer;
import dev.keyway.connections.testing.TestNodeContext;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HttpRequestNodeTest {

    private static final String CANARY = "canary-e93f0";

    private final LoopbackServer api = new LoopbackServer();
    private final LoopbackServer elsewhere = new LoopbackServer();
    private final InMemoryResolver resolver = new InMemoryResolver()
            .add(TestNodeContext.ALICE, "production", new ResolvedConnection("conn_bearer1", "bearer", "Local API",
                    "bearer", null, List.of(), Map.of("token", Secret.of(CANARY), "base-url", Secret.of(api.url("/v1")))))
            .add(TestNodeContext.ALICE, "production", new ResolvedConnection("conn_gh", "github", "GitHub", "oauth",
                    null, List.of(), Map.of("token", Secret.of(CANARY))));
    private final SafeHttpClient http = new SafeHttpClient(HttpSettings.defaults());
    private final NodeServices services = new NodeServices(ProviderCatalogue.builtIn(), resolver, http);
    private final HttpRequestNode node = new HttpRequestNode(() -> services);

    @AfterEach
    void close() {
        http.close();
        api.close();
        elsewhere.close();
    }

    @Test
    void aConnectionsCredentialIsInjectedAndJsonIsParsed() {
        TestNodeContext context = context("GET", "{baseUrl}/items/{id}").property("connection", "conn_bearer1")
                .input("vars", Map.of("id", "a b/c"));
        api.on("/v1/items/", LoopbackServer.json("{\"items\":[1,2]}"));

        Map<String, Object> out = node.execute(context);

        assertThat(api.last().header("Authorization")).isEqualTo("Bearer " + CANARY);
        assertThat(api.last().path()).isEqualTo("/v1/items/a b/c");
        assertThat(out).containsEntry("status", 200).containsEntry("ok", true)
                .containsEntry("body", Map.of("items", List.of(1, 2)));
        assertThat(out.get("headers")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("content-type", "application/json");
        assertThat(out.get("durationMs")).isInstanceOf(Long.class);
        assertThat(context.registered()).extracting(Secret::reveal).contains("Bearer " + CANARY, CANARY);
    }

    @Test
    void aConnectionsCredentialNeverGoesToAHostOutsideItsAllowedHosts() {
        api.on("/", LoopbackServer.json("{}"));
        TestNodeContext context = context("GET", api.url("/")).property("connection", "conn_gh");
        assertRefused(() -> node.execute(context), "forbidden_host", "conn_gh", "127.0.0.1");
        assertThat(api.received()).isEmpty();
    }

    @Test
    void externalCredentialsFollowTheSameHostRules() {
        api.on("/", LoopbackServer.json("{}"));
        TestNodeContext anthropic = context("GET", api.url("/"))
                .input("provider", "anthropic").input("credentials", Map.of("api-key", CANARY));
        assertRefused(() -> node.execute(anthropic), "forbidden_host", "external credentials for anthropic");
        assertThat(api.received()).isEmpty();

        TestNodeContext generic = context("GET", api.url("/"))
                .input("provider", "api_key").input("credentials",
                        Map.of("api-key", Secret.of(CANARY), "base-url", api.url("/"), "placement", "query"));
        node.execute(generic);
        assertThat(api.last().query()).isEqualTo("X-API-Key=" + CANARY);
    }

    @Test
    void aRedirectToAnotherOriginArrivesWithoutTheCredential() {
        api.on("/v1/go", LoopbackServer.redirect(302, elsewhere.url("/landed")));
        elsewhere.on("/landed", LoopbackServer.json("{\"where\":\"elsewhere\"}"));
        Map<String, Object> out = node.execute(context("GET", "{baseUrl}/go").property("connection", "conn_bearer1"));
        assertThat(out).containsEntry("body", Map.of("where", "elsewhere"));
        assertThat(elsewhere.last().header("Authorization")).isNull();
        assertThat(api.last().header("Authorization")).isEqualTo("Bearer " + CANARY);
    }

    @Test
    void theManualChainGetConnectionSetPropertyHttpRequest() {
        api.on("/v1/me", LoopbackServer.json("{\"login\":\"alice\"}"));
        Map<String, Object> cred = new GetConnectionNode(() -> services)
                .execute(new TestNodeContext(new GetConnectionNode().spec()).property("connection", "bearer/Local API"));
        Object token = ((Map<?, ?>) cred.get("credentials")).get("token");
        Map<String, Object> headers = new SetPropertyNode().execute(new TestNodeContext(new SetPropertyNode().spec())
                .property("path", "Authorization").property("template", "Bearer {value}").input("value", token));

        Map<String, Object> out = node.execute(context("GET", cred.get("baseUrl") + "/me")
                .input("headers", headers.get("object")));

        assertThat(api.last().header("Authorization")).isEqualTo("Bearer " + CANARY);
        assertThat(out).containsEntry("body", Map.of("login", "alice"));
    }

    @Test
    void aCanaryEchoedByTheServerIsMaskedInOutputs() {
        api.on("/v1/echo", exchange -> {
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            exchange.getResponseHeaders().set("X-Echo", auth);
            LoopbackServer.respond(exchange, 200, "application/json", "{\"auth\":\"" + auth + "\",\"token\":\""
                    + CANARY + "\"}");
        });
        Map<String, Object> out = node.execute(context("GET", "{baseUrl}/echo").property("connection", "conn_bearer1"));
        assertThat(out.toString()).doesNotContain(CANARY).contains(Secret.MASK);
    }

    @Test
    void errorStatusesFailWithAShortReasonUnlessAllowed() {
        api.on("/v1/missing", exchange -> LoopbackServer.respond(exchange, 404, "text/plain", "no " + CANARY));
        assertRefused(() -> node.execute(context("GET", "{baseUrl}/missing?api_key=" + CANARY)
                .property("connection", "conn_bearer1")), "http_error", "404 Not Found", "/v1/missing");

        Map<String, Object> out = node.execute(context("GET", "{baseUrl}/missing")
                .property("connection", "conn_bearer1").property("failOnErrorStatus", false));
        assertThat(out).containsEntry("status", 404).containsEntry("ok", false).containsEntry("body", "no " + Secret.MASK);
    }

    @Test
    void bodiesAreEncodedByBodyTypeWithSecretsWrittenOut() {
        api.on("/", LoopbackServer.json("{}"));
        node.execute(context("POST", api.url("/")).input("body", Map.of("key", Secret.of(CANARY), "n", 1)));
        assertThat(api.last().body()).contains("\"key\":\"" + CANARY + "\"");
        assertThat(api.last().header("Content-Type")).isEqualTo("application/json");

        node.execute(context("POST", api.url("/")).property("bodyType", "form").input("body", Map.of("a", "x y")));
        assertThat(api.last().body()).isEqualTo("a=x+y");

        node.execute(context("PUT", api.url("/")).property("bodyType", "text").input("body", "hello")
                .input("headers", Map.of("Content-Type", "text/markdown")));
        assertThat(api.last().body()).isEqualTo("hello");
        assertThat(api.last().headers().get("content-type")).containsExactly("text/markdown");
    }

    @Test
    void theNodesDeadlineBoundsTheRequest() {
        api.on("/slow", exchange -> {
            try {
                Thread.sleep(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        long start = System.nanoTime();
        assertRefused(() -> node.execute(context("GET", api.url("/slow")).remaining(Duration.ofMillis(400))), "timeout");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void theResponseSizeLimitIsAProperty() {
        api.on("/big", exchange -> LoopbackServer.respond(exchange, 200, "text/plain", "x".repeat(2048)));
        assertRefused(() -> node.execute(context("GET", api.url("/big")).property("maxResponseBytes", 1024)),
                "response_too_large", "1024 bytes");
    }

    @Test
    void secretsMayNotGoIntoTheUrlPath() {
        assertRefused(() -> node.execute(context("GET", api.url("/{k}")).input("vars", Map.of("k", Secret.of(CANARY)))),
                "secret_not_allowed", "'k'");
    }

    @Test
    void headersCannotForgeFurtherHeaders() {
        assertRefused(() -> node.execute(context("GET", api.url("/"))
                .input("headers", Map.of("X-A", Secret.of("v\r\nX-Injected: " + CANARY)))), "invalid_headers", "X-A");
        assertRefused(() -> node.execute(context("GET", api.url("/"))
                .input("headers", Map.of("Bad Name", "v"))), "invalid_headers");
        assertThat(api.received()).isEmpty();
    }

    @Test
    void aConnectionAndExternalCredentialsTogetherAreAmbiguous() {
        assertRefused(() -> node.execute(context("GET", api.url("/")).property("connection", "conn_gh")
                .input("provider", "github").input("credentials", Map.of("token", CANARY))), "ambiguous_credentials");
    }

    @Test
    void anUnknownConnectionIsNamed() {
        assertRefused(() -> node.execute(context("GET", api.url("/")).property("connection", "conn_nope")),
                "connection_not_found", "conn_nope");
    }

    @Test
    void everyUseOfAConnectionIsRecordedWithTheTargetHostAndOutcome() {
        api.on("/v1/ok", LoopbackServer.json("{}"));
        node.execute(context("GET", "{baseUrl}/ok").property("connection", "conn_bearer1"));
        TestNodeContext denied = context("GET", "{baseUrl}/denied").property("connection", "conn_bearer1")
                .property("failOnErrorStatus", false);
        api.on("/v1/denied", exchange -> {
            exchange.sendResponseHeaders(401, -1);
            exchange.close();
        });
        node.execute(denied);
        assertThatThrownBy(() -> node.execute(context("GET", api.url("/")).property("connection", "conn_gh")));
        node.execute(context("GET", api.url("/v1/ok")));

        String host = java.net.URI.create(api.url("/")).getAuthority();
        assertThat(resolver.uses()).containsExactly(
                new InMemoryResolver.Use("conn_bearer1", "exec-1", "node-1", host, "ok"),
                new InMemoryResolver.Use("conn_bearer1", "exec-1", "node-1", host, "http_401"),
                new InMemoryResolver.Use("conn_gh", "exec-1", "node-1", host, "forbidden_host"));
    }

    private TestNodeContext context(String method, String url) {
        return new TestNodeContext(node.spec()).property("method", method).property("url", url);
    }

    private static void assertRefused(ThrowingCallable call, String code, String... mentions) {
        assertThatThrownBy(call).isInstanceOfSatisfying(NodeException.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.getMessage()).doesNotContain(CANARY);
            for (String mention : mentions) {
                assertThat(e.getMessage()).contains(mention);
            }
        });
    }
}
