package dev.keyway.engine.exec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyway.api.Execution;
import dev.keyway.api.Principal;
import dev.keyway.api.Secret;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class EngineNodeContextTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    private EngineNodeContext context(Instant deadline, AtomicBoolean cancelled, ExecutionSecrets secrets) {
        Execution execution = new Execution("ex-1", "p", new Principal("a", "w"), "dev", Map.of(), false, deadline);
        return new EngineNodeContext("n", "test.x", execution,
                new NodeInputs(Map.of("prop", 1), Map.of("in", "v")), null, secrets, deadline,
                Clock.fixed(NOW, ZoneOffset.UTC), cancelled::get);
    }

    @Test
    void reportsTimeLeftAndCancellation() {
        AtomicBoolean cancelled = new AtomicBoolean();
        EngineNodeContext running = context(NOW.plusSeconds(5), cancelled, new ExecutionSecrets());

        assertThat(running.remaining()).isEqualTo(Duration.ofSeconds(5));
        assertThat(running.isCancelled()).isFalse();
        cancelled.set(true);
        assertThat(running.isCancelled()).isTrue();

        EngineNodeContext late = context(NOW.minusSeconds(1), new AtomicBoolean(), new ExecutionSecrets());
        assertThat(late.remaining()).isEqualTo(Duration.ZERO);
        assertThat(late.isCancelled()).isTrue();
    }

    @Test
    void exposesValuesAndRegistersSecrets() {
        ExecutionSecrets secrets = new ExecutionSecrets();
        EngineNodeContext context = context(NOW.plusSeconds(5), new AtomicBoolean(), secrets);

        assertThat(context.value("prop")).contains(1);
        assertThat(context.string("in")).contains("v");
        Secret secret = Secret.of("runtime-token");
        assertThat(context.registerSecret(secret)).isSameAs(secret);
        assertThat(secrets.redactor().scrub("runtime-token")).isEqualTo(Secret.MASK);
    }
}
