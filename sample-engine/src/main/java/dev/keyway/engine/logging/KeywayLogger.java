package dev.keyway.engine.logging;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/**
 * An SLF4J logger whose every line, stack traces included, is masked before it is written.
 * Loggers that dump raw HTTP traffic (Apache HttpClient's wire and header logs) never log below
 * INFO: their bytes can hold a credential the masker cannot know yet, such as one a secrets store
 * is returning in the very response being logged.
 */
final class KeywayLogger extends LegacyAbstractLogger {

    private static final long serialVersionUID = 1L;
    private static final List<String> RAW_TRAFFIC =
            List.of("org.apache.hc.client5.http.wire", "org.apache.hc.client5.http.headers");

    private final boolean rawTraffic;

    KeywayLogger(String name) {
        this.name = name;
        this.rawTraffic = RAW_TRAFFIC.stream().anyMatch(name::startsWith);
    }

    @Override
    protected String getFullyQualifiedCallerName() {
        return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(Level level, Marker marker, String messagePattern,
                                               Object[] arguments, Throwable throwable) {
        StringBuilder line = new StringBuilder(128)
                .append(Instant.now()).append(' ')
                .append(level).append(' ')
                .append('[').append(Thread.currentThread().getName()).append("] ")
                .append(shortName()).append(" - ")
                .append(MessageFormatter.basicArrayFormat(messagePattern, arguments));
        if (throwable != null) {
            StringWriter trace = new StringWriter();
            throwable.printStackTrace(new PrintWriter(trace));
            line.append(System.lineSeparator()).append(trace.toString().stripTrailing());
        }
        LogSink.write(line.toString());
    }

    private String shortName() {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? name : name.substring(dot + 1);
    }

    @Override
    public boolean isTraceEnabled() {
        return !rawTraffic && LogSink.enabled(Level.TRACE);
    }

    @Override
    public boolean isDebugEnabled() {
        return !rawTraffic && LogSink.enabled(Level.DEBUG);
    }

    @Override
    public boolean isInfoEnabled() {
        return LogSink.enabled(Level.INFO);
    }

    @Override
    public boolean isWarnEnabled() {
        return LogSink.enabled(Level.WARN);
    }

    @Override
    public boolean isErrorEnabled() {
        return LogSink.enabled(Level.ERROR);
    }
}
