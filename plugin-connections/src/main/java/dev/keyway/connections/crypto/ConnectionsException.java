package dev.keyway.connections.crypto;

import dev.keyway.api.KeywayException;

/**
 * Root of the connection store's unchecked exceptions. It lives in {@code crypto}, the lowest
 * layer, so that both {@code crypto} and {@code store} extend it without a package cycle.
 * Messages say what went wrong and what to do next, and never carry credential material.
 */
public class ConnectionsException extends KeywayException {

    private static final long serialVersionUID = 1L;

    public ConnectionsException(String format, Object... args) {
        super(format, args);
    }

    public ConnectionsException(Throwable cause, String format, Object... args) {
        super(cause, format, args);
    }
}
