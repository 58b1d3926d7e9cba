package dev.keyway.connections.crypto;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The unwrapped data keys this process knows, by version, and which one encrypts new writes.
 * Thread-safe; rotation adds a version and switches the primary while readers keep using older ones.
 */
public final class KeyRing {

    private final Map<Integer, DataKey> keys = new ConcurrentHashMap<>();
    private volatile DataKey primary;

    /** Adds or replaces a version. */
    public void add(DataKey key) {
        keys.put(key.version(), key);
    }

    /** Makes {@code version} (already added) the key for new writes. */
    public void makePrimary(int version) {
        DataKey key = keys.get(version);
        if (key == null) {
            throw new IllegalStateException("data key v" + version + " is not loaded");
        }
        primary = key;
    }

    /** The key for new writes. */
    public DataKey primary() {
        DataKey key = primary;
        if (key == null) {
            throw new IllegalStateException("no primary data key; the store is not open");
        }
        return key;
    }

    /** The key of {@code version}, if this process has it. */
    public Optional<DataKey> find(int version) {
        return Optional.ofNullable(keys.get(version));
    }

    /** Forgets a retired version. */
    public void remove(int version) {
        keys.remove(version);
    }

    /** Forgets every key (on close). */
    public void clear() {
        keys.clear();
        primary = null;
    }
}
