package dev.keyway.engine.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.event.Level;

class KeywayLoggingProviderTest {

    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

    @AfterEach
    void restore() {
        LogSink.redirect(System.err);
        LogSink.setLevel(Level.WARN);
        LogMasks.reset();
    }

    @Test
    void wireAndHeaderLoggersStaySilentEvenAtTrace() {
        LogSink.redirect(new PrintStream(captured, true, StandardCharsets.UTF_8));
        LogSink.setLevel(Level.TRACE);
        Logger headers = KeywayLoggingProvider.create("org.apache.hc.client5.http.headers");
        Logger wire = KeywayLoggingProvider.create("org.apache.hc.client5.http.wire");
        headers.debug("http-outgoing-0 >> Authorization: Bearer canary-hdr");
        wire.debug("http-outgoing-0 >> \"Authorization: Bearer canary-wire\"");
        assertThat(headers.isDebugEnabled()).isFalse();
        assertThat(captured.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void everyLineGoesThroughTheMaskerWithTheLevelAndLogger() {
        LogSink.redirect(new PrintStream(captured, true, StandardCharsets.UTF_8));
        LogSink.setLevel(Level.INFO);
        LogMasks.install(line -> line.replace("canary-log", "*****"));
        Logger logger = KeywayLoggingProvider.create("dev.keyway.Thing");
        logger.info("value {} here", "canary-log");
        logger.debug("not shown");
        logger.warn("failed", new IllegalStateException("boom canary-log"));
        String text = captured.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("INFO", "Thing - value ***** here", "WARN", "IllegalStateException: boom *****")
                .doesNotContain("canary-log").doesNotContain("not shown");
    }
}
