package dev.keyway.connections.store;

import dev.keyway.connections.crypto.ConnectionsException;

/**
 * The caller can see the connection (it is shared with them) but the operation is the owner's alone.
 * Users who cannot see it get {@link ConnectionNotFoundException} instead.
 */
public class AccessDeniedException extends ConnectionsException {

    private static final long serialVersionUID = 1L;

    public AccessDeniedException(String connectionId, String operation, String user) {
        super("only the owner of connection %s can %s it; user %s may use it but not %s it; ask the owner",
                connectionId, operation, user, operation);
    }
}
