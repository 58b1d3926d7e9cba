package dev.keyway.connections.providers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyway.api.Secret;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProviderTest {

    private final ProviderCatalogue catalogue = ProviderCatalogue.builtIn();

    @Test
    void baseUrlAndHostsAreFilledFromNonSecretFields() {
        Provider jira = catalogue.find("jira").orElseThrow();
        Map<String, Secret> fields = Map.of("base-url", Secret.of("https://acme.atlassian.net/"),
                "user-email", Secret.of("me@acme.test"), "api-token", Secret.of("canary-123"));
        assertThat(jira.resolveBaseUrl(fields)).contains("https://acme.atlassian.net");
        assertThat(jira.resolveAllowedHosts(fields)).containsExactly("acme.atlassian.net", "api.atlassian.com");
    }

    @Test
    void fieldDefaultsApply() {
        Provider datadog = catalogue.find("datadog").orElseThrow();
        assertThat(datadog.resolveBaseUrl(Map.of())).contains("https://api.datadoghq.com");
        assertThat(datadog.resolveAllowedHosts(Map.of("site", Secret.of("datadoghq.eu"))))
                .containsExactly("api.datadoghq.eu");
    }

    @Test
    void aHostThatIsNotAHostNameIsRefused() {
        Provider zendesk = catalogue.find("zendesk").orElseThrow();
        assertThatThrownBy(() -> zendesk.resolveAllowedHosts(Map.of("subdomain", Secret.of("evil.test/x?"))))
                .hasMessageContaining("does not fill to a host name");
    }

    @Test
    void unknownFieldsCountAsSecret() {
        Provider jira = catalogue.find("jira").orElseThrow();
        assertThat(jira.isSecretField("api-token")).isTrue();
        assertThat(jira.isSecretField("user-email")).isFalse();
        assertThat(jira.isSecretField("surprise")).isTrue();
    }
}
