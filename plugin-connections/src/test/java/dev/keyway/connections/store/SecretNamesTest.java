package dev.keyway.connections.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretNamesTest {

    @Test
    void standardNameIsProviderAndFieldInUpperSnakeCase() {
        assertThat(SecretNames.standard("jira", "api-token")).isEqualTo("JIRA_API_TOKEN");
        assertThat(SecretNames.standard("Slack", "api key")).isEqualTo("SLACK_API_KEY");
        assertThat(SecretNames.standard("service-now", "base.url")).isEqualTo("SERVICE_NOW_BASE_URL");
    }

    @Test
    void planAddsTheCallersAliases() {
        assertThat(SecretNames.plan("slack", List.of("api-key"), Map.of("api-key", List.of("SLACK_BOT_TOKEN"))))
                .containsExactly(Map.entry("SLACK_API_KEY", "api-key"), Map.entry("SLACK_BOT_TOKEN", "api-key"));
        assertThatThrownBy(() -> SecretNames.plan("slack", List.of("api-key"), Map.of("api-key", List.of("bad name"))))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("upper snake case");
    }
}
