package dev.keyway.engine.exec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyway.api.Secret;
import dev.keyway.engine.record.LogLine;
import dev.keyway.engine.record.Redactor;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RedactingNodeLoggerTest {

    @Test
    void formatsMasksAndDropsThrowables() {
        List<LogLine> lines = new ArrayList<>();
        Redactor redactor = Redactor.empty().with("hunter2-pass");
        RedactingNodeLogger log = new RedactingNodeLogger("ex-1", "node", () -> redactor, Clock.systemUTC(), lines::add);

        log.info("user {} with {} and {}", "bob", Secret.of("other"), "hunter2-pass");
        log.debug("plain");
        log.warn("failed: {}", "x", new IllegalStateException("hunter2-pass in a stack"));

        assertThat(lines).extracting(LogLine::level).containsExactly("info", "debug", "warn");
        assertThat(lines).extracting(LogLine::message)
                .containsExactly("user bob with ***** and *****", "plain", "failed: x");
    }
}
