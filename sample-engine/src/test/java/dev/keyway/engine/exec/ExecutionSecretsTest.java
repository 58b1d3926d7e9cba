package dev.keyway.engine.exec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyway.api.Secret;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExecutionSecretsTest {

    @Test
    void collectsNestedSecretsMasksThemAndDestroysEachObject() {
        ExecutionSecrets secrets = new ExecutionSecrets();
        Secret a = Secret.of("alpha-secret");
        Secret twin = Secret.of("alpha-secret");
        Secret b = Secret.of("beta-secret");

        secrets.collect(Map.of("x", List.of(a, Map.of("y", b)), "z", twin));
        secrets.registerPlaintext("plain-sensitive");

        assertThat(secrets.redactor().scrub("alpha-secret beta-secret plain-sensitive"))
                .isEqualTo("***** ***** *****");
        secrets.destroyAll();
        assertThat(List.of(a, twin, b)).allSatisfy(s -> assertThat(s.isDestroyed()).isTrue());
    }

    @Test
    void ignoresDestroyedSecretsAndNull() {
        ExecutionSecrets secrets = new ExecutionSecrets();
        Secret gone = Secret.of("gone-secret");
        gone.destroy();

        assertThat(secrets.register(gone)).isSameAs(gone);
        assertThat(secrets.register(null)).isNull();
        assertThat(secrets.redactor().isEmpty()).isTrue();
    }
}
