package dev.keyway.connections.api;

import dev.keyway.api.Principal;
import dev.keyway.connections.store.Connection;
import dev.keyway.connections.store.ConnectionStore;

/**
 * Who may do what with a connection, checked before anything is decrypted or changed. Seeing and
 * using (read, test, usage) is for the owner and the users it is shared with; changing (update,
 * share, delete) is the owner's alone, and anyone else is told 404, never 403, so that a shared
 * user learns nothing about owner-only state and a stranger learns nothing at all.
 */
final class ConnectionAccess {

    private ConnectionAccess() {
    }

    static Connection visible(ConnectionStore store, String id, Principal principal) {
        return store.get(id, principal).orElseThrow(() -> ApiErrors.notFound(id));
    }

    static Connection owned(ConnectionStore store, String id, Principal principal) {
        Connection connection = visible(store, id, principal);
        if (!connection.isOwnedBy(principal.user())) {
            throw ApiErrors.notFound(id);
        }
        return connection;
    }
}
