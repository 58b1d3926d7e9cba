package dev.keyway.connections.store;

import dev.keyway.connections.crypto.ConnectionsException;

/** A caller passed something the store cannot accept; the message names the field and the rule. */
public class InvalidRequestException extends ConnectionsException {

    private static final long serialVersionUID = 1L;

    public InvalidRequestException(String format, Object... args) {
        super(format, args);
    }
}
