package dev.keyway.connections.nodes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyway.api.Secret;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretValuesTest {

    @Test
    void everyLeafBecomesARegisteredSecretAndTheOriginalIsUntouched() {
        Secret already = Secret.of("already-1");
        Map<String, Object> original = Map.of("a", "text-1", "b", List.of(42, true, already), "c", Map.of("d", "text-2"));
        List<Secret> registered = new ArrayList<>();

        SecretValues.Wrapped wrapped = SecretValues.wrap(original, registered::add);

        assertThat(wrapped.secrets()).isEqualTo(5);
        assertThat(registered).hasSize(5).contains(already);
        assertThat(registered).extracting(Secret::reveal)
                .containsExactlyInAnyOrder("text-1", "42", "true", "already-1", "text-2");
        assertThat(wrapped.value().toString()).doesNotContain("text-1", "text-2", "42");
        assertThat(original.get("a")).isEqualTo("text-1");
    }

    @Test
    void nullsAndEmptyTextHoldNothingToHide() {
        List<Secret> registered = new ArrayList<>();
        assertThat(SecretValues.wrap(null, registered::add).secrets()).isZero();
        SecretValues.Wrapped empty = SecretValues.wrap(Map.of("x", ""), registered::add);
        assertThat(empty.secrets()).isZero();
        assertThat(empty.value()).isEqualTo(Map.of("x", ""));
        assertThat(registered).isEmpty();
    }
}
