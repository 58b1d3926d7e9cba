package dev.keyway.engine.logging;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/** An SLF4J logger whose every line, stack traces included, is masked before it is written. */
final class KeywayLogger extends LegacyAbstractLogger {

    private static final long serialVersionUID = 1L;

    KeywayLogger(String name) {
        this.name = name;
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
        return LogSink.enabled(Level.TRACE);
    }

    @Override
    public boolean isDebugEnabled() {
        return LogSink.enabled(Level.DEBUG);
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
