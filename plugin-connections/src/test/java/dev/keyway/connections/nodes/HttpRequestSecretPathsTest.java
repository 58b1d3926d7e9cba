package dev.keyway.connections.nodes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyway.api.NodeException;
import dev.keyway.api.Secret;
import dev.keyway.connections.http.HttpSettings;
import dev.keyway.connections.http.SafeHttpClient;
import dev.keyway.connections.providers.ProviderCatalogue;
import dev.keyway.connections.testing.InMemoryResolver;
import dev.keyway.connections.testing.LoopbackServer;
import dev.keyway.connections.testing.TestNodeContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * HTTP Request's secretPaths against a real loopback server answering like HashiCorp Vault's KV v2
 * engine (token in X-Vault-Token, 403 {"errors":["permission denied"]} on a wrong token, 404
 * {"errors":[]} on a missing path), with the Vault connection from the provider catalogue.
 */
class HttpRequestSecretPathsTest {

    private static final String VAULT_TOKEN = "hvs.vault-canary-7c1d";
    /** What the store hands out; quote, slash and plus make every encoded form differ from the plain one. */
    private static final String FETCHED = "fetched-c4n4ry/9+Q\"z";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LoopbackServer vault = new LoopbackServer();
    private final LoopbackServer service = new LoopbackServer();
    private final InMemoryResolver resolver = new InMemoryResolver()
            .add(TestNodeContext.ALICE, "production", vaultConnection("conn_vault", "Vault", VAULT_TOKEN))
            .add(TestNodeContext.ALICE, "production", vaultConnection("conn_wrong", "Wrong", "hvs.not-the-token"));
    private final SafeHttpClient http = new SafeHttpClient(HttpSettings.defaults());
    private final NodeServices services = new NodeServices(ProviderCatalogue.builtIn(), resolver, http);
    private final HttpRequestNode node = new HttpRequestNode(() -> services);

    HttpRequestSecretPathsTest() {
        vault.on("/v1/", exchange -> {
            if (!VAULT_TOKEN.equals(exchange.getRequestHeaders().getFirst("X-Vault-Token"))) {
                LoopbackServer.respond(exchange, 403, "application/json", "{\"errors\":[\"permission denied\"]}");
                return;
            }
            switch (exchange.getRequestURI().getPath()) {
                case "/v1/secret/data/app" -> LoopbackServer.respond(exchange, 200, "application/json",
                        kv(Map.of("api_key", FETCHED, "user", "svc-app", "port", 8443)));
                case "/v1/secret/data/echo" -> {
                    // A store (or a proxy in front of it) that repeats the value elsewhere, encoded.
                    exchange.getResponseHeaders().set("X-Echo", forms(FETCHED).get("base64"));
                    LoopbackServer.respond(exchange, 200, "application/json", kv(Map.of("api_key", FETCHED,
                            "note", String.join(" | ", forms(FETCHED).values()))));
                }
                case "/v1/sys/health" -> LoopbackServer.respond(exchange, 200, "text/plain", "ok " + FETCHED);
                default -> LoopbackServer.respond(exchange, 404, "application/json", "{\"errors\":[]}");
            }
        });
        service.on("/user", exchange -> {
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            boolean ok = ("Bearer " + FETCHED).equals(auth);
            // The 401 echoes what it got, as some services do: the node must still not show it.
            LoopbackServer.respond(exchange, ok ? 200 : 401, "application/json",
                    ok ? "{\"login\":\"svc-app\"}" : JSON.writeValueAsString(Map.of("got", String.valueOf(auth))));
        });
    }

    @AfterEach
    void close() {
        http.close();
        vault.close();
        service.close();
    }

    @Test
    void aValueAtASecretPathComesOutAsARegisteredSecretAndDrivesTheNextCall() {
        TestNodeContext read = kvRead("conn_vault", "app", "body.data.data.api_key");
        Map<String, Object> out = node.execute(read);

        Object apiKey = at(out, "body", "data", "data", "api_key");
        assertThat(apiKey).isInstanceOf(Secret.class);
        assertThat(((Secret) apiKey).reveal()).isEqualTo(FETCHED);
        assertThat(read.registered()).contains((Secret) apiKey);
        assertThat(at(out, "body", "data", "data", "user")).isEqualTo("svc-app");
        assertThat(at(out, "body", "data", "metadata", "version")).isEqualTo(3);
        assertThat(out.toString()).doesNotContain(FETCHED, VAULT_TOKEN).contains(Secret.MASK);
        assertThat(vault.last().header("X-Vault-Token")).isEqualTo(VAULT_TOKEN);
        assertThat(vault.last().header("X-Vault-Namespace")).isNull();

        // External credentials: the fetched secret goes to the service as a bearer token.
        Map<String, Object> call = node.execute(context("GET", "{baseUrl}/user").input("provider", "bearer")
                .input("credentials", Map.of("token", apiKey, "base-url", service.url(""))));
        assertThat(call).containsEntry("body", Map.of("login", "svc-app"));
    }

    @Test
    void aPathToAnObjectMakesEveryValueInsideASecret() {
        TestNodeContext read = kvRead("conn_vault", "app", "body.data.data");
        Map<?, ?> data = (Map<?, ?>) at(node.execute(read), "body", "data", "data");

        assertThat(data.values()).allSatisfy(v -> assertThat(v).isInstanceOf(Secret.class));
        assertThat(((Secret) data.get("port")).reveal()).isEqualTo("8443");
        assertThat(read.registered()).containsAll(data.values().stream().map(Secret.class::cast).toList());
    }

    @Test
    void aMissingPathFailsNamingThePathAndTheRequestButNoValue() {
        assertFails(() -> node.execute(kvRead("conn_vault", "app", "body.data.data.password")), "secret_path_missing",
                "'body.data.data.password'", "'body.data.data' has no 'password'", "GET ", "/v1/secret/data/app");
        assertFails(() -> node.execute(kvRead("conn_vault", "app", "body.data.data.api_key.inner")),
                "secret_path_missing", "'body.data.data.api_key' is string, not an object or a list");
        assertFails(() -> node.execute(kvRead("conn_vault", "app", "headers.x-vault-lease")), "secret_path_missing",
                "'headers' has no 'x-vault-lease'");
    }

    @Test
    void aForbiddenStoreIsAClearHttpErrorWithoutTheToken() {
        assertFails(() -> node.execute(kvRead("conn_wrong", "app", "body.data.data.api_key")), "http_error",
                "GET ", "/v1/secret/data/app", "403 Forbidden");
        assertThat(vault.last().header("X-Vault-Token")).isEqualTo("hvs.not-the-token");
    }

    @Test
    void aMissingSecretInTheStoreIsAClearHttpError() {
        assertFails(() -> node.execute(kvRead("conn_vault", "nope", "body.data.data.api_key")), "http_error",
                "GET ", "/v1/secret/data/nope", "404 Not Found");
        // Handled in the pattern instead: the path is then what is missing.
        assertFails(() -> node.execute(kvRead("conn_vault", "nope", "body.data.data.api_key")
                .property("failOnErrorStatus", false)), "secret_path_missing", "'body' has no 'data'");
    }

    @Test
    void secretPathsIntoAnAnswerThatIsNotJsonFailClearly() {
        assertFails(() -> node.execute(context("GET", "{baseUrl}/v1/sys/health").property("connection", "conn_vault")
                .property("secretPaths", List.of("body.token"))), "secret_path_not_json",
                "'body.token'", "did not answer with JSON", "/v1/sys/health");
    }

    @Test
    void theSpecRefusesPathsThatDoNotStartAtTheResponse() {
        var spec = node.spec().property("secretPaths").orElseThrow();
        assertThat(spec.check(List.of("body.data.data.token", "headers.x-token", "body"))).isEmpty();
        assertThat(spec.check(List.of("data.token"))).isNotEmpty();
        assertThat(spec.check(List.of("body..x"))).isNotEmpty();
        assertThat(spec.check(List.of(42))).isNotEmpty();
        assertThat(spec.defaultValue()).isEqualTo(List.of());
    }

    @Test
    void aFetchedCanaryNeverShowsInAnyFormOutsideItsSecret() {
        TestNodeContext read = kvRead("conn_vault", "echo", "body.data.data.api_key");
        Map<String, Object> out = node.execute(read);
        Object apiKey = at(out, "body", "data", "data", "api_key");
        List<String> seen = new ArrayList<>();
        plainTexts(out, seen);
        seen.add(out.toString());
        seen.addAll(read.logLines());

        List<String> errors = new ArrayList<>();
        errors.add(failure(() -> node.execute(kvRead("conn_vault", "echo", "body.data.data.missing"))));
        errors.add(failure(() -> node.execute(kvRead("conn_vault", "echo", "body.data.data.api_key.x"))));
        errors.add(failure(() -> node.execute(context("GET", "{baseUrl}/user").input("provider", "bearer")
                .input("credentials", Map.of("token", ((Secret) apiKey).derive(t -> t + "-wrong"),
                        "base-url", service.url(""))))));
        errors.add(failure(() -> node.execute(context("GET", "{baseUrl}/v1/sys/health")
                .property("connection", "conn_vault").property("secretPaths", List.of("body.x")))));

        assertThat(String.valueOf(at(out, "body", "data", "data", "note"))).contains(Secret.MASK);
        for (Map.Entry<String, String> form : forms(FETCHED).entrySet()) {
            assertThat(seen).as("outputs, %s form", form.getKey()).noneMatch(text -> text.contains(form.getValue()));
            assertThat(errors).as("errors, %s form", form.getKey()).noneMatch(text -> text.contains(form.getValue()));
        }
        assertThat(errors).noneMatch(text -> text.contains(VAULT_TOKEN));
    }

    private TestNodeContext kvRead(String connection, String path, String secretPath) {
        return context("GET", "{baseUrl}/v1/{mount}/data/{path}").property("connection", connection)
                .property("secretPaths", List.of(secretPath))
                .input("vars", Map.of("mount", "secret", "path", path));
    }

    private TestNodeContext context(String method, String url) {
        return new TestNodeContext(node.spec()).property("method", method).property("url", url);
    }

    /** Connections created with a base URL only: the allowed host comes from it. */
    private ResolvedConnection vaultConnection(String id, String name, String token) {
        return new ResolvedConnection(id, "vault", name, "api_key", vault.url(""), List.of(),
                Map.of("token", Secret.of(token)));
    }

    /** A KV v2 read answer around {@code data}. */
    private static String kv(Map<String, Object> data) throws java.io.IOException {
        return JSON.writeValueAsString(Map.of("request_id", "8af7a2b1", "lease_duration", 0, "data", Map.of(
                "data", data, "metadata", Map.of("created_time", "2026-11-01T10:00:00Z", "version", 3))));
    }

    /** Plain, base64, base64url, URL-encoded and JSON-escaped forms of a secret. */
    private static Map<String, String> forms(String secret) {
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        Map<String, String> forms = new LinkedHashMap<>();
        forms.put("plain", secret);
        forms.put("base64", Base64.getEncoder().withoutPadding().encodeToString(bytes));
        forms.put("base64url", Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
        forms.put("url-encoded", URLEncoder.encode(secret, StandardCharsets.UTF_8));
        forms.put("json-escaped", secret.replace("\\", "\\\\").replace("\"", "\\\"").replace("/", "\\/"));
        return forms;
    }

    /** Every text in a value that is not a secret, keys included. */
    private static void plainTexts(Object value, List<String> into) {
        if (value instanceof String text) {
            into.add(text);
        } else if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> {
                plainTexts(k, into);
                plainTexts(v, into);
            });
        } else if (value instanceof List<?> list) {
            list.forEach(item -> plainTexts(item, into));
        }
    }

    private static Object at(Map<String, Object> outputs, String... path) {
        Object current = outputs;
        for (String name : path) {
            current = ((Map<?, ?>) current).get(name);
        }
        return current;
    }

    private static String failure(ThrowingCallable call) {
        try {
            call.call();
        } catch (NodeException e) {
            return e.code() + ": " + e.getMessage();
        } catch (Throwable e) {
            throw new AssertionError("expected a NodeException", e);
        }
        throw new AssertionError("expected the node to fail");
    }

    private static void assertFails(ThrowingCallable call, String code, String... mentions) {
        assertThatThrownBy(call).isInstanceOfSatisfying(NodeException.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.getMessage()).doesNotContain(FETCHED, VAULT_TOKEN, "hvs.not-the-token");
            for (String mention : mentions) {
                assertThat(e.getMessage()).contains(mention);
            }
        });
    }
}
