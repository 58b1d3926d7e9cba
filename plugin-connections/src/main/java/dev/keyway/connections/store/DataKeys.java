package dev.keyway.connections.store;

import dev.keyway.connections.crypto.DataKey;
import dev.keyway.connections.crypto.KeyRing;
import dev.keyway.connections.crypto.KeyWrap;
import dev.keyway.connections.crypto.MasterKey;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * This process's view of the store's data keys: the unwrapped ring, the master key that wraps
 * them, and a lock that keeps a key from being retired while a writer of this process is sealing
 * with it. Another engine's rotation is picked up by {@link #reload} when a row names an unknown
 * version.
 */
final class DataKeys {

    private final String storeId;
    private final KeyRing ring = new KeyRing();
    private final ReadWriteLock retirement = new ReentrantReadWriteLock();
    private volatile MasterKey master;

    DataKeys(String storeId, MasterKey master) {
        this.storeId = storeId;
        this.master = master;
    }

    String storeId() {
        return storeId;
    }

    MasterKey master() {
        return master;
    }

    void replaceMaster(MasterKey newMaster) {
        MasterKey old = master;
        master = newMaster;
        old.destroy();
    }

    DataKey primary() {
        return ring.primary();
    }

    Optional<DataKey> cached(int version) {
        return ring.find(version);
    }

    /** Held by writers from sealing to commit; retirement takes the exclusive side. */
    ReadWriteLock retirementLock() {
        return retirement;
    }

    /** Loads every key that still has its material (retired ones too, until purged) and adopts the primary. */
    void reload(Session session) throws SQLException {
        List<KeyTable.StoredKey> stored = KeyTable.readKeys(session.connection());
        Set<Integer> live = new HashSet<>();
        int primary = -1;
        for (KeyTable.StoredKey key : stored) {
            if (key.wrapped() == null) {
                // Purged: the key material is gone for good.
                ring.remove(key.version());
                continue;
            }
            live.add(key.version());
            if (ring.find(key.version()).isEmpty()) {
                ring.add(KeyWrap.unwrap(master, storeId, key.version(), key.wrapped()));
            }
            if (key.state() == KeyVersionInfo.State.PRIMARY) {
                primary = key.version();
            }
        }
        if (primary < 0) {
            throw new StoreException("the store has no primary data key; restore it from a backup");
        }
        ring.makePrimary(primary);
    }

    void close() {
        ring.clear();
        master.destroy();
    }
}
