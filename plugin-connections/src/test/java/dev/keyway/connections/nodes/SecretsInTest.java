package dev.keyway.connections.nodes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyway.api.Secret;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretsInTest {

    @Test
    void findsSecretsAtAnyDepth() {
        Secret a = Secret.of("aaaa");
        Secret b = Secret.of("bbbb");
        assertThat(SecretsIn.of(Map.of("x", List.of(1, Map.of("y", a)), "z", b))).containsExactlyInAnyOrder(a, b);
        assertThat(SecretsIn.of("plain")).isEmpty();
        assertThat(SecretsIn.of(null)).isEmpty();
    }
}
