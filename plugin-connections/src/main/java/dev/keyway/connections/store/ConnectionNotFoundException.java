package dev.keyway.connections.store;

import dev.keyway.connections.crypto.ConnectionsException;

/**
 * The connection does not exist or is not available to the caller. Both cases share this one
 * message on purpose, so that the answer never reveals whether another user's id exists.
 */
public class ConnectionNotFoundException extends ConnectionsException {

    private static final long serialVersionUID = 1L;

    public ConnectionNotFoundException(String connectionId, String user, String environment) {
        super("connection %s was deleted or is not available to user %s in environment %s; pick another "
                + "connection or ask its owner to share it", connectionId, user, environment);
    }

    ConnectionNotFoundException(String format, Object... args) {
        super(format, args);
    }
}
