package dev.keyway.connections.store;

import dev.keyway.connections.crypto.AesGcm;
import dev.keyway.connections.crypto.Bytes;
import dev.keyway.connections.crypto.DataKey;
import dev.keyway.connections.crypto.KeyWrap;
import dev.keyway.connections.crypto.MasterKey;
import dev.keyway.connections.crypto.TamperedException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.Lock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link KeyManager} for {@link JdbcConnectionStore}. Rotation re-encrypts in small transactions
 * so readers (MVCC) and writers keep going; a version is retired only when no row uses it.
 */
final class JdbcKeyManager implements KeyManager {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcKeyManager.class);
    private static final int BATCH = 200;
    /**
     * How long a retired key keeps its material: long enough for any engine's write that sealed with
     * it just before the retirement to commit and be moved by a later rotation.
     */
    static final java.time.Duration PURGE_GRACE = java.time.Duration.ofMinutes(10);

    private final SessionPool pool;
    private final DataKeys keys;
    private final Clock clock;
    private final Object rotation = new Object();

    JdbcKeyManager(SessionPool pool, DataKeys keys, Clock clock) {
        this.pool = pool;
        this.keys = keys;
        this.clock = clock;
    }

    @Override
    public List<KeyVersionInfo> status() {
        return pool.read("read the key status", session -> {
            Map<Integer, Long> connections = KeyTable.countByVersion(session.connection(), "keyway_connections");
            Map<Integer, Long> secrets = KeyTable.countByVersion(session.connection(), "keyway_env_secrets");
            List<KeyVersionInfo> result = new ArrayList<>();
            for (KeyTable.StoredKey key : KeyTable.readKeys(session.connection())) {
                result.add(new KeyVersionInfo(key.version(), key.state(), Instant.ofEpochMilli(key.createdAt()),
                        connections.getOrDefault(key.version(), 0L), secrets.getOrDefault(key.version(), 0L)));
            }
            return result;
        });
    }

    @Override
    public RotationResult rotateDataKey(RotationProgress progress) {
        synchronized (rotation) {
            int version = createPrimary();
            adopt();
            DataKey target = keys.cached(version).orElseThrow();
            long total = pool.read("count rows to rotate", session ->
                    (long) ConnectionTable.idsBelowKeyVersion(session, version).size()
                            + SecretTable.belowKeyVersion(session, version).size());
            long done = 0;
            // Two passes: the second catches rows another engine wrote with the old key while the first ran.
            for (int pass = 0; pass < 2; pass++) {
                done += rewrapConnections(target, done, total, progress);
                done += rewrapSecrets(target, done, total, progress);
            }
            List<Integer> retired = retireUnusedKeys();
            LOG.info("Data key rotation finished: v{} is primary, {} rows re-encrypted, retired {}", version, done,
                    retired);
            return new RotationResult(version, done, retired);
        }
    }

    private int createPrimary() {
        return pool.write("create a data key", session -> {
            int version = KeyTable.readKeys(session.connection()).stream()
                    .mapToInt(KeyTable.StoredKey::version).max().orElse(0) + 1;
            byte[] raw = Bytes.random(AesGcm.KEY_BYTES);
            try {
                KeyTable.insertKey(session.connection(), version,
                        KeyWrap.wrap(keys.master(), keys.storeId(), version, raw), clock.millis());
            } finally {
                Bytes.wipe(raw);
            }
            KeyTable.makePrimary(session.connection(), version);
            return version;
        });
    }

    /** Loads the keys (and the new primary) once the new key is committed. */
    private void adopt() {
        pool.read("reload data keys", session -> {
            keys.reload(session);
            return null;
        });
    }

    /** Re-encrypts one row inside a batch transaction; true if it moved. */
    @FunctionalInterface
    private interface RowRewrap<T> {
        boolean apply(Session session, T row) throws SQLException;
    }

    /** Runs {@code rewrap} over {@code rows} in transactions of {@value #BATCH}, reporting after each. */
    private <T> long inBatches(List<T> rows, String operation, RowRewrap<T> rewrap, long doneBefore, long total,
                               RotationProgress progress) {
        long done = 0;
        for (int from = 0; from < rows.size(); from += BATCH) {
            List<T> batch = rows.subList(from, Math.min(rows.size(), from + BATCH));
            done += pool.write(operation, session -> {
                int moved = 0;
                for (T row : batch) {
                    moved += rewrap.apply(session, row) ? 1 : 0;
                }
                return moved;
            });
            progress.onProgress(doneBefore + done, total);
        }
        return done;
    }

    private long rewrapConnections(DataKey target, long doneBefore, long total, RotationProgress progress) {
        List<String> ids = pool.read("list rows to rotate",
                session -> ConnectionTable.idsBelowKeyVersion(session, target.version()));
        return inBatches(ids, "re-encrypt connections", (session, id) -> rewrapConnection(session, id, target),
                doneBefore, total, progress);
    }

    private boolean rewrapConnection(Session session, String id, DataKey target) throws SQLException {
        ConnectionRow row = ConnectionTable.find(session, id, true).orElse(null);
        if (row == null || row.keyVersion() >= target.version()) {
            return false;
        }
        DataKey from = keys.cached(row.keyVersion()).orElse(null);
        try {
            if (from == null) {
                throw CredentialCipher.tampered(id);
            }
            return ConnectionTable.rewrap(session, row,
                    CredentialCipher.rewrapConnection(from, target, row.identity(), row.sealed()));
        } catch (TamperedException e) {
            // Left on its old key, which therefore stays; the owner must re-enter the credentials.
            LOG.warn("Key rotation skipped connection {}: {}", id, e.getMessage());
            return false;
        }
    }

    private long rewrapSecrets(DataKey target, long doneBefore, long total, RotationProgress progress) {
        List<SecretRow> rows = pool.read("list secrets to rotate",
                session -> SecretTable.belowKeyVersion(session, target.version()));
        return inBatches(rows, "re-encrypt environment secrets", (session, row) -> rewrapSecret(session, row, target),
                doneBefore, total, progress);
    }

    private boolean rewrapSecret(Session session, SecretRow row, DataKey target) throws SQLException {
        DataKey from = keys.cached(row.keyVersion()).orElse(null);
        if (from == null) {
            return false;
        }
        try {
            CredentialCipher.Sealed sealed = CredentialCipher.rewrapSecret(from, target, row.identity(), row.sealed());
            return SecretTable.rewrap(session, row, new SecretRow(row.identity(), sealed.keyVersion(), sealed.blob()));
        } catch (TamperedException e) {
            LOG.warn("Key rotation skipped environment secret {}: it fails authentication", row.identity().name());
            return false;
        }
    }

    @Override
    public List<Integer> retireUnusedKeys() {
        Lock lock = keys.retirementLock().writeLock();
        lock.lock();
        try {
            long now = clock.millis();
            List<Integer> retired = pool.write("retire unused data keys", session -> {
                List<Integer> done = new ArrayList<>();
                for (KeyTable.StoredKey key : KeyTable.readKeys(session.connection())) {
                    if (key.state() == KeyVersionInfo.State.ACTIVE
                            && KeyTable.retireIfUnused(session.connection(), key.version(), now)) {
                        done.add(key.version());
                    }
                }
                return done;
            });
            List<Integer> purged = pool.write("destroy retired data keys",
                    session -> KeyTable.purgeRetired(session.connection(), now - PURGE_GRACE.toMillis()));
            if (!purged.isEmpty()) {
                LOG.info("Destroyed the material of retired data keys {}", purged);
                pool.read("reload data keys", session -> {
                    keys.reload(session);
                    return null;
                });
            }
            return retired;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void changeMasterKey(MasterKey newMaster) {
        Lock lock = keys.retirementLock().writeLock();
        lock.lock();
        try {
            pool.write("change the master key", session -> {
                for (KeyTable.StoredKey stored : KeyTable.readKeys(session.connection())) {
                    if (stored.wrapped() == null) {
                        continue;
                    }
                    DataKey key = KeyWrap.unwrap(keys.master(), keys.storeId(), stored.version(), stored.wrapped());
                    byte[] raw = key.key().getEncoded();
                    try {
                        KeyTable.rewrap(session.connection(), stored.version(),
                                KeyWrap.wrap(newMaster, keys.storeId(), stored.version(), raw));
                    } finally {
                        Bytes.wipe(raw);
                    }
                }
                KeyTable.putMeta(session.connection(), KeyTable.META_KEY_CHECK,
                        Base64.getEncoder().encodeToString(KeyWrap.keyCheck(newMaster, keys.storeId())));
                KeyTable.putMeta(session.connection(), KeyTable.META_KDF,
                        newMaster.kdf() == null ? null : newMaster.kdf().encode());
                return null;
            });
            keys.replaceMaster(newMaster);
            LOG.info("Master key changed to {}; configure it before the next start", newMaster.origin());
        } finally {
            lock.unlock();
        }
    }
}
