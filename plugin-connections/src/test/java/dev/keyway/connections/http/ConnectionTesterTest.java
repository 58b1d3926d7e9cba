package dev.keyway.connections.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyway.api.Secret;
import dev.keyway.connections.ConnectionType;
import dev.keyway.connections.providers.Provider;
import dev.keyway.connections.providers.ProviderCatalogue;
import dev.keyway.connections.testing.LoopbackServer;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Uses a provider defined only as data, which is also how a new provider is added. */
class ConnectionTesterTest {

    private static final String CANARY = "canary-0c77";
    private static final String ACME = """
            {"providers": [{
              "id": "acme", "displayName": "Acme", "authKinds": ["api_key"],
              "fields": [{"name": "api-key", "label": "Key", "secret": true},
                         {"name": "base-url", "label": "URL", "secret": false}],
              "injection": [{"in": "header", "name": "X-Acme-Key", "template": "{api-key}"}],
              "baseUrl": "{base-url}/api", "allowedHosts": ["{base-url}"],
              "test": {"method": "GET", "path": "/whoami", "successStatus": [200],
                       "expectJson": {"pointer": "/ok", "equals": true}}
            }]}""";

    private final LoopbackServer server = new LoopbackServer().on("/api/whoami", exchange -> {
        String key = exchange.getRequestHeaders().getFirst("X-Acme-Key");
        if (CANARY.equals(key)) {
            LoopbackServer.respond(exchange, 200, "application/json", "{\"ok\":true}");
        } else if ("suspended".equals(key)) {
            LoopbackServer.respond(exchange, 200, "application/json", "{\"ok\":false}");
        } else {
            LoopbackServer.respond(exchange, 401, "application/json", "{\"ok\":false}");
        }
    });
    private final SafeHttpClient http = new SafeHttpClient(HttpSettings.defaults());
    private final ConnectionTester tester = new ConnectionTester(http, new CredentialInjector());
    private final Provider acme = ProviderCatalogue.load(
            new ByteArrayInputStream(ACME.getBytes(StandardCharsets.UTF_8)), "acme.json").find("acme").orElseThrow();

    @AfterEach
    void close() {
        http.close();
        server.close();
    }

    @Test
    void workingCredentialsPass() {
        TestOutcome outcome = test(CANARY);
        assertThat(outcome.passed()).isTrue();
        assertThat(outcome.httpStatus()).isEqualTo(200);
    }

    @Test
    void refusedCredentialsFailWithTheStatusButNotTheKey() {
        TestOutcome outcome = test("wrong-" + CANARY);
        assertThat(outcome.verdict()).isEqualTo(TestOutcome.Verdict.FAILED);
        assertThat(outcome.httpStatus()).isEqualTo(401);
        assertThat(outcome.message()).contains("401", "/api/whoami").doesNotContain(CANARY);
    }

    @Test
    void aJsonVerdictIsChecked() {
        TestOutcome outcome = test("suspended");
        assertThat(outcome.verdict()).isEqualTo(TestOutcome.Verdict.FAILED);
        assertThat(outcome.message()).contains("/ok");
    }

    @Test
    void providersWithoutATestAreNotTested() {
        Provider bearer = ProviderCatalogue.builtIn().find("bearer").orElseThrow();
        TestOutcome outcome = tester.test(bearer, ConnectionType.BEARER, Map.of("token", Secret.of(CANARY)), "conn_x",
                List.of(), Duration.ofSeconds(5));
        assertThat(outcome.verdict()).isEqualTo(TestOutcome.Verdict.NOT_TESTED);
    }

    @Test
    void vaultIsTestedWithLookupSelfAtItsOwnAddress() {
        server.on("/vault/v1/auth/token/lookup-self", exchange -> LoopbackServer.respond(exchange,
                CANARY.equals(exchange.getRequestHeaders().getFirst("X-Vault-Token")) ? 200 : 403, "application/json",
                "{\"data\":{\"policies\":[\"default\"]}}"));
        Provider vault = ProviderCatalogue.builtIn().find("vault").orElseThrow();
        TestOutcome outcome = tester.test(vault, ConnectionType.API_KEY,
                Map.of("token", Secret.of(CANARY), "base-url", Secret.of(server.url("/vault"))), "conn_vault",
                List.of(), Duration.ofSeconds(5));
        assertThat(outcome.passed()).as(outcome.message()).isTrue();
        assertThat(server.last().method() + " " + server.last().path()).isEqualTo("GET /vault/v1/auth/token/lookup-self");
    }

    @Test
    void missingSettingsFailWithoutSendingAnything() {
        TestOutcome outcome = tester.test(acme, ConnectionType.API_KEY, Map.of("api-key", Secret.of(CANARY)), "conn_x",
                List.of(), Duration.ofSeconds(5));
        assertThat(outcome.verdict()).isEqualTo(TestOutcome.Verdict.FAILED);
        assertThat(outcome.message()).contains("base-url").doesNotContain(CANARY);
        assertThat(server.received()).isEmpty();
    }

    private TestOutcome test(String key) {
        return tester.test(acme, ConnectionType.API_KEY,
                Map.of("api-key", Secret.of(key), "base-url", Secret.of(server.url(""))), "conn_acme", List.of(),
                Duration.ofSeconds(5));
    }
}
