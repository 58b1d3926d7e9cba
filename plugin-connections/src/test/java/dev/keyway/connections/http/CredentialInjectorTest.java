package dev.keyway.connections.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyway.api.NodeException;
import dev.keyway.api.Secret;
import dev.keyway.connections.ConnectionType;
import dev.keyway.connections.providers.Provider;
import dev.keyway.connections.providers.ProviderCatalogue;
import dev.keyway.connections.testing.LoopbackServer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Each rule kind, sent to a real loopback server that checks what arrived. */
class CredentialInjectorTest {

    private static final String CANARY = "canary-4d2e1";

    private final ProviderCatalogue catalogue = ProviderCatalogue.builtIn();
    private final CredentialInjector injector = new CredentialInjector();
    private final SafeHttpClient client = new SafeHttpClient(HttpSettings.defaults());
    private final LoopbackServer server = new LoopbackServer().on("/", LoopbackServer.json("{}"));

    @AfterEach
    void close() {
        client.close();
        server.close();
    }

    @Test
    void headerRulesWithConstantsAnthropic() {
        LoopbackServer.Received got = send("anthropic", ConnectionType.API_KEY, Map.of("api-key", Secret.of(CANARY)));
        assertThat(got.header("x-api-key")).isEqualTo(CANARY);
        assertThat(got.header("anthropic-version")).isEqualTo("2023-06-01");
        assertThat(got.header("Authorization")).isNull();
    }

    @Test
    void headerTemplatesPagerDutyAndOpsgenie() {
        assertThat(send("pagerduty", ConnectionType.API_KEY, Map.of("api-key", Secret.of(CANARY))).header("Authorization"))
                .isEqualTo("Token token=" + CANARY);
        assertThat(send("opsgenie", ConnectionType.API_KEY, Map.of("api-key", Secret.of(CANARY))).header("Authorization"))
                .isEqualTo("GenieKey " + CANARY);
    }

    @Test
    void twoHeadersDatadogAndOptionalFieldsSkipped() {
        LoopbackServer.Received both = send("datadog", ConnectionType.API_KEY,
                Map.of("api-key", Secret.of(CANARY), "application-key", Secret.of(CANARY + "-app")));
        assertThat(both.header("DD-API-KEY")).isEqualTo(CANARY);
        assertThat(both.header("DD-APPLICATION-KEY")).isEqualTo(CANARY + "-app");
        LoopbackServer.Received apiOnly = send("datadog", ConnectionType.API_KEY, Map.of("api-key", Secret.of(CANARY)));
        assertThat(apiOnly.header("DD-APPLICATION-KEY")).isNull();
    }

    @Test
    void vaultTokenHeaderAndTheNamespaceOnlyWhenSet() {
        LoopbackServer.Received plain = send("vault", ConnectionType.API_KEY, Map.of("token", Secret.of(CANARY)));
        assertThat(plain.header("X-Vault-Token")).isEqualTo(CANARY);
        assertThat(plain.header("X-Vault-Namespace")).isNull();
        assertThat(plain.header("Authorization")).isNull();
        LoopbackServer.Received namespaced = send("vault", ConnectionType.API_KEY,
                Map.of("token", Secret.of(CANARY), "namespace", Secret.of("admin/team-a")));
        assertThat(namespaced.header("X-Vault-Token")).isEqualTo(CANARY);
        assertThat(namespaced.header("X-Vault-Namespace")).isEqualTo("admin/team-a");
    }

    @Test
    void basicFromTwoFieldsTwilio() {
        LoopbackServer.Received got = send("twilio", ConnectionType.CREDENTIALS,
                Map.of("account-sid", Secret.of("AC123"), "auth-token", Secret.of(CANARY)));
        assertThat(decodeBasic(got)).isEqualTo("AC123:" + CANARY);
    }

    @Test
    void basicTemplateOverSeveralFieldsZendesk() {
        LoopbackServer.Received got = send("zendesk", ConnectionType.CREDENTIALS, Map.of("subdomain", Secret.of("acme"),
                "email", Secret.of("agent@acme.test"), "api-token", Secret.of(CANARY)));
        assertThat(decodeBasic(got)).isEqualTo("agent@acme.test/token:" + CANARY);
    }

    @Test
    void queryParameterGenericApiKey() {
        LoopbackServer.Received got = send("api_key", ConnectionType.API_KEY, Map.of("api-key", Secret.of(CANARY),
                "base-url", Secret.of(server.url("/")), "placement", Secret.of("query"), "param-name", Secret.of("key")));
        assertThat(got.query()).isEqualTo("key=" + CANARY);
        assertThat(got.header("X-API-Key")).isNull();
    }

    @Test
    void cookieGenericApiKey() {
        LoopbackServer.Received got = send("api_key", ConnectionType.API_KEY, Map.of("api-key", Secret.of(CANARY),
                "base-url", Secret.of(server.url("/")), "placement", Secret.of("cookie"), "param-name", Secret.of("sid")));
        assertThat(got.header("Cookie")).isEqualTo("sid=" + CANARY);
    }

    @Test
    void headerIsTheGenericApiKeyDefault() {
        LoopbackServer.Received got = send("api_key", ConnectionType.API_KEY,
                Map.of("api-key", Secret.of(CANARY), "base-url", Secret.of(server.url("/"))));
        assertThat(got.header("X-API-Key")).isEqualTo(CANARY);
    }

    @Test
    void customHeaderTemplateChosenByThePerson() {
        LoopbackServer.Received got = send("custom", ConnectionType.CREDENTIALS, Map.of("secret", Secret.of(CANARY),
                "username", Secret.of("bot"), "base-url", Secret.of(server.url("/")),
                "header-name", Secret.of("X-Auth"), "header-template", Secret.of("Basic {base64(username:secret)}")));
        assertThat(got.header("X-Auth")).isEqualTo("Basic "
                + Base64.getEncoder().encodeToString(("bot:" + CANARY).getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void oauthConnectionsUseTheOauthRules() {
        LoopbackServer.Received got = send("pagerduty", ConnectionType.OAUTH, Map.of("token", Secret.of(CANARY)));
        assertThat(got.header("Authorization")).isEqualTo("Bearer " + CANARY);
        assertThat(got.header("Accept")).isEqualTo("application/vnd.pagerduty+json;version=2");
    }

    @Test
    void aMissingFieldIsNamedButNoValueIsShown() {
        Provider jira = catalogue.find("jira").orElseThrow();
        assertThatThrownBy(() -> injector.inject(jira, ConnectionType.CREDENTIALS,
                Map.of("user-email", Secret.of("me@acme.test"), "base-url", Secret.of("https://acme.atlassian.net"))))
                .isInstanceOfSatisfying(NodeException.class, e -> {
                    assertThat(e.code()).isEqualTo("credential_field_missing");
                    assertThat(e.getMessage()).contains("api-token", "jira").doesNotContain("me@acme.test");
                });
    }

    @Test
    void injectedValuesAreSecrets() {
        Injection injection = injector.inject(catalogue.find("github").orElseThrow(), ConnectionType.API_KEY,
                Map.of("token", Secret.of(CANARY)));
        assertThat(injection.headers()).singleElement().satisfies(h -> {
            assertThat(h.value().toString()).isEqualTo(Secret.MASK);
            assertThat(h.value().reveal()).isEqualTo("Bearer " + CANARY);
        });
    }

    private LoopbackServer.Received send(String providerId, ConnectionType kind, Map<String, Secret> fields) {
        Provider provider = catalogue.find(providerId).orElseThrow();
        Injection injection = injector.inject(provider, kind, fields);
        OutgoingRequest request = new OutgoingRequest("GET", URI.create(server.url("/")), List.of(), List.of(), null,
                new OutgoingRequest.Credentials("conn_" + providerId, AllowedHosts.of("127.0.0.1"), injection),
                new OutgoingRequest.Limits(Duration.ofSeconds(5), 1 << 20, true, 5));
        client.send(request);
        return server.last();
    }

    private static String decodeBasic(LoopbackServer.Received got) {
        String header = got.header("Authorization");
        assertThat(header).startsWith("Basic ");
        return new String(Base64.getDecoder().decode(header.substring(6)), StandardCharsets.UTF_8);
    }
}
