package dev.keyway.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SecretTest {

    private static final String CANARY = "canary-7f3a9c21-secret";

    @Test
    void neverShowsItsValueWhenPrinted() {
        Secret secret = Secret.of(CANARY);
        assertThat(secret.toString()).isEqualTo(Secret.MASK);
        assertThat(String.valueOf(secret)).doesNotContain(CANARY);
        assertThat(String.format("%s", secret)).doesNotContain(CANARY);
        assertThat(java.util.List.of(secret).toString()).doesNotContain(CANARY);
    }

    @Test
    void revealsOnlyWhenAsked() {
        assertThat(Secret.of(CANARY).reveal()).isEqualTo(CANARY);
    }

    @Test
    void derivedValuesStaySecret() {
        Secret header = Secret.of(CANARY).derive(token -> "Bearer " + token);
        assertThat(header.reveal()).isEqualTo("Bearer " + CANARY);
        assertThat(header.toString()).isEqualTo(Secret.MASK);
    }

    @Test
    void destroyWipesAndRefusesReveal() {
        Secret secret = Secret.of(CANARY);
        secret.destroy();
        assertThat(secret.isDestroyed()).isTrue();
        assertThatThrownBy(secret::reveal).isInstanceOf(IllegalStateException.class)
                .hasMessageNotContaining(CANARY);
    }

    @Test
    void comparesByValueWithoutLeakingThroughHash() {
        assertThat(Secret.of("a")).isEqualTo(Secret.of("a")).isNotEqualTo(Secret.of("b"));
        assertThat(Secret.of("a").hashCode()).isEqualTo(Secret.of("b").hashCode());
    }

    @Test
    void refusesEmptyValues() {
        assertThatThrownBy(() -> Secret.of("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Secret.of(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
