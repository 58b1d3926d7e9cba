package dev.keyway.connections.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AadTest {

    @Test
    void partsAreUnambiguous() {
        assertThat(Aad.of("p", "ab", "c")).isNotEqualTo(Aad.of("p", "a", "bc"));
        assertThat(Aad.of("p", "", null)).isNotEqualTo(Aad.of("p", null, ""));
        assertThat(Aad.of("p", "x")).isEqualTo(Aad.of("p", "x"));
    }
}
