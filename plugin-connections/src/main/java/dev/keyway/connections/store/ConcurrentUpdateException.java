package dev.keyway.connections.store;

/** An optimistic update lost a race: the row changed since the caller read it. */
public class ConcurrentUpdateException extends StoreException {

    private static final long serialVersionUID = 1L;

    public ConcurrentUpdateException(String connectionId, long expected) {
        super("connection %s changed since version %d was read; read it again and retry", connectionId, expected);
    }
}
