package dev.keyway.connections.store;

import dev.keyway.connections.crypto.ConnectionsException;

/**
 * The store itself failed: the database is unreachable or locked by another process, a statement
 * failed, or the store was closed. Messages say which operation failed and what to check.
 */
public class StoreException extends ConnectionsException {

    private static final long serialVersionUID = 1L;

    public StoreException(String format, Object... args) {
        super(format, args);
    }

    public StoreException(Throwable cause, String format, Object... args) {
        super(cause, format, args);
    }
}
