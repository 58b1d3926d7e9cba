package dev.keyway.engine.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.event.Level;

class KeywayLoggerTest {

    private final Level before = LogSink.level();

    @AfterEach
    void restore() {
        LogSink.setLevel(before);
    }

    @Test
    void rawHttpTrafficIsNeverLoggedEvenAtTrace() {
        LogSink.setLevel(Level.TRACE);
        assertThat(new KeywayLogger("org.apache.hc.client5.http.wire").isDebugEnabled()).isFalse();
        assertThat(new KeywayLogger("org.apache.hc.client5.http.headers").isTraceEnabled()).isFalse();
        assertThat(new KeywayLogger("org.apache.hc.client5.http.wire").isWarnEnabled()).isTrue();
        assertThat(new KeywayLogger("org.apache.hc.client5.http.impl.classic.MainClientExec").isDebugEnabled()).isTrue();
        assertThat(new KeywayLogger("dev.keyway.engine.exec.Executor").isTraceEnabled()).isTrue();
    }
}
