package dev.keyway.engine.exec;

import dev.keyway.api.NodeLogger;
import dev.keyway.engine.record.LogLine;
import dev.keyway.engine.record.Redactor;
import java.time.Clock;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.helpers.MessageFormatter;

/**
 * A node's logger: formats SLF4J-style, masks the execution's known secrets, then writes to the
 * engine log (SLF4J logger {@code dev.keyway.engine.node}) and to the execution record.
 * A throwable passed as last argument is dropped: its text may hold credentials.
 */
final class RedactingNodeLogger implements NodeLogger {

    private static final Logger LOG = LoggerFactory.getLogger("dev.keyway.engine.node");

    private final String prefix;
    private final Supplier<Redactor> redactor;
    private final Clock clock;
    private final Consumer<LogLine> record;

    RedactingNodeLogger(String executionId, String nodeId, Supplier<Redactor> redactor, Clock clock,
                        Consumer<LogLine> record) {
        this.prefix = executionId + " " + nodeId;
        this.redactor = redactor;
        this.clock = clock;
        this.record = record;
    }

    @Override
    public void debug(String message, Object... args) {
        String text = write("debug", message, args);
        LOG.debug("[{}] {}", prefix, text);
    }

    @Override
    public void info(String message, Object... args) {
        String text = write("info", message, args);
        LOG.info("[{}] {}", prefix, text);
    }

    @Override
    public void warn(String message, Object... args) {
        String text = write("warn", message, args);
        LOG.warn("[{}] {}", prefix, text);
    }

    /** Formats, redacts and keeps the line for the record; returns it for the engine log. */
    private String write(String level, String message, Object[] args) {
        String text = format(message, args);
        record.accept(new LogLine(clock.instant(), level, text));
        return text;
    }

    private String format(String message, Object[] args) {
        // Secret.toString() is the mask, so formatting can never reveal a wrapped secret.
        String text = MessageFormatter.arrayFormat(String.valueOf(message), args).getMessage();
        return redactor.get().scrub(text);
    }
}
