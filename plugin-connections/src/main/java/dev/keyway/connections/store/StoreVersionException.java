package dev.keyway.connections.store;

/** The database was written by a newer Keyway; it is refused and left untouched. */
public class StoreVersionException extends StoreException {

    private static final long serialVersionUID = 1L;

    public StoreVersionException(int found, int supported) {
        super("this store has schema version %d but this Keyway supports up to %d; it was left untouched. "
                + "Upgrade Keyway, or point it at another store", found, supported);
    }
}
