package dev.keyway.connections.nodes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyway.api.NodeException;
import dev.keyway.api.Secret;
import dev.keyway.connections.http.HttpSettings;
import dev.keyway.connections.http.SafeHttpClient;
import dev.keyway.connections.providers.ProviderCatalogue;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CredentialBindingTest {

    private final SafeHttpClient http = new SafeHttpClient(HttpSettings.defaults());
    private final NodeServices services = new NodeServices(ProviderCatalogue.builtIn(), new UnavailableResolver(), http);

    @AfterEach
    void close() {
        http.close();
    }

    @Test
    void aConnectionsOwnHostsAndBaseUrlWin() {
        ResolvedConnection jira = new ResolvedConnection("conn_j", "jira", "Jira", "credentials",
                "https://jira.internal.test", List.of("jira.internal.test"), Map.of("user-email", Secret.of("a@b.c"),
                "api-token", Secret.of("tok-1234"), "base-url", Secret.of("https://jira.internal.test")));
        CredentialBinding binding = CredentialBinding.of(jira, services);
        assertThat(binding.credentials().allowedHosts().patterns()).containsExactly("jira.internal.test");
        assertThat(binding.baseUrl()).isEqualTo("https://jira.internal.test");
        assertThat(binding.secrets()).extracting(Secret::reveal).contains("tok-1234").doesNotContain("a@b.c");
    }

    @Test
    void aConnectionsBaseUrlFillsADeclaredBaseUrlSettingButIsNeverASecret() {
        ResolvedConnection vault = new ResolvedConnection("conn_v", "vault", "Vault", "api_key",
                "https://vault.internal.test:8200", List.of(), Map.of("token", Secret.of("hvs.tok-1234")));
        CredentialBinding binding = CredentialBinding.of(vault, services);
        assertThat(binding.credentials().allowedHosts().patterns()).containsExactly("vault.internal.test");
        assertThat(binding.baseUrl()).isEqualTo("https://vault.internal.test:8200");
        assertThat(binding.secrets()).extracting(Secret::reveal).contains("hvs.tok-1234")
                .noneMatch(s -> s.contains("vault.internal.test"));

        // GitHub declares no base-url field: its connection's base URL must not become an unknown (secret) field.
        ResolvedConnection github = new ResolvedConnection("conn_g", "github", "GHE", "api_key",
                "https://ghe.internal.test/api/v3", List.of("ghe.internal.test"), Map.of("token", Secret.of("ghp_1234")));
        assertThat(CredentialBinding.of(github, services).secrets()).extracting(Secret::reveal)
                .noneMatch(s -> s.contains("ghe.internal.test"));
    }

    @Test
    void otherwiseTheCatalogueDerivesThem() {
        CredentialBinding binding = CredentialBinding.external("zendesk", null, Map.of("subdomain", "acme",
                "email", "a@acme.test", "api-token", Secret.of("tok-5678")), services);
        assertThat(binding.credentials().allowedHosts().patterns()).containsExactly("acme.zendesk.com");
        assertThat(binding.baseUrl()).isEqualTo("https://acme.zendesk.com/api/v2");
        assertThat(binding.credentials().owner()).isEqualTo("external credentials for zendesk");
    }

    @Test
    void unknownProvidersAndUnsupportedTypesAreExplained() {
        assertThatThrownBy(() -> CredentialBinding.external("acme", null, Map.of(), services))
                .isInstanceOfSatisfying(NodeException.class, e -> assertThat(e.code()).isEqualTo("unknown_provider"));
        assertThatThrownBy(() -> CredentialBinding.external("stripe", "oauth", Map.of("api-key", "k"), services))
                .isInstanceOfSatisfying(NodeException.class, e -> {
                    assertThat(e.code()).isEqualTo("unsupported_auth_type");
                    assertThat(e.getMessage()).contains("api_key");
                });
    }
}
