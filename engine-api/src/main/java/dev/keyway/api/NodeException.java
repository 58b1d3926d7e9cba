package dev.keyway.api;

import java.util.Objects;

/**
 * Thrown by a node that cannot complete. The host fails the execution with the node id, this
 * code and this message. The message must say what went wrong and what to do next, and must not
 * contain credential material.
 */
public class NodeException extends KeywayException {

    private static final long serialVersionUID = 1L;

    private final String code;

    /**
     * @param code a short, stable, machine-readable reason such as {@code connection_not_found}
     */
    public NodeException(String code, String format, Object... args) {
        super(format, args);
        this.code = Objects.requireNonNull(code, "code");
    }

    public NodeException(Throwable cause, String code, String format, Object... args) {
        super(cause, format, args);
        this.code = Objects.requireNonNull(code, "code");
    }

    public String code() {
        return code;
    }
}
