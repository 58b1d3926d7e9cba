package dev.keyway.api;

/**
 * A node's log. The host masks every secret of the execution in what is written here, but nodes
 * should still never pass credential material to it.
 *
 * <p>Messages use {@code {}} placeholders, as SLF4J does.
 */
public interface NodeLogger {

    void debug(String message, Object... args);

    void info(String message, Object... args);

    void warn(String message, Object... args);
}
