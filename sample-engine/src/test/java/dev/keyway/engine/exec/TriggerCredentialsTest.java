package dev.keyway.engine.exec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyway.api.Secret;
import dev.keyway.engine.pattern.Trigger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TriggerCredentialsTest {

    @Test
    void wrapsOnlyTheListedFieldsIncludingNestedValues() {
        Trigger trigger = new Trigger("http", "/x", "POST", List.of("api_key", "pin", "nested", "absent", "empty"));
        Map<String, Object> payload = Map.of("api_key", "sk-1", "pin", 1234, "nested", Map.of("a", List.of("p")),
                "empty", "", "user", "bob");

        Map<String, Object> wrapped = TriggerCredentials.wrap(trigger, payload);

        assertThat(wrapped.get("api_key")).isEqualTo(Secret.of("sk-1"));
        assertThat(((Secret) wrapped.get("pin")).reveal()).isEqualTo("1234");
        assertThat(wrapped.get("nested")).isEqualTo(Map.of("a", List.of(Secret.of("p"))));
        assertThat(wrapped).containsEntry("empty", "").containsEntry("user", "bob").doesNotContainKey("absent");
    }
}
