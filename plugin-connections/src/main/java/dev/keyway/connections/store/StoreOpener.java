package dev.keyway.connections.store;

import dev.keyway.connections.crypto.AesGcm;
import dev.keyway.connections.crypto.Bytes;
import dev.keyway.connections.crypto.KdfParameters;
import dev.keyway.connections.crypto.KeyWrap;
import dev.keyway.connections.crypto.MasterKey;
import dev.keyway.connections.crypto.MasterKeySource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.Map;
import javax.sql.DataSource;
import org.hsqldb.jdbc.JDBCDataSource;

/**
 * Opens a store in an order that never writes before it is sure: lock, then (for an existing
 * embedded database) a read-only open that checks the schema version and the master key, and only
 * then the read-write open, migration and first-start initialisation.
 */
final class StoreOpener {

    /**
     * Everything an open store holds.
     *
     * @param target the database
     * @param lock   the OS lock, or null for a shared database
     * @param pool   sessions
     * @param keys   data keys
     */
    record Opened(JdbcTarget target, StoreLock lock, SessionPool pool, DataKeys keys) {
    }

    private StoreOpener() {
    }

    static Opened open(StoreOptions options) {
        JdbcTarget target = new JdbcTarget(options.jdbcUrl());
        StoreLock lock = null;
        SessionPool pool = null;
        try {
            if (target.isEmbeddedFile()) {
                lock = StoreLock.acquire(options.lockFile() != null ? options.lockFile() : target.defaultLockFile());
            }
            MasterKeySource source = MasterKeySource.select(options.masterKey());
            MasterKey checked = target.isEmbeddedFile() && target.filesExist()
                    ? precheckReadOnly(target, options, source) : null;
            pool = new SessionPool(dataSource(target.readWriteUrl(), options), options.poolSize());
            long now = options.clock().millis();
            DataKeys keys = pool.read("open the store", session -> initialise(session, target, source, checked, now));
            return new Opened(target, lock, pool, keys);
        } catch (RuntimeException e) {
            if (pool != null) {
                pool.close(target.isEmbedded() ? "SHUTDOWN" : null);
            }
            if (lock != null) {
                lock.close();
            }
            throw e;
        }
    }

    /**
     * Reads the version and key check through HSQLDB's read-only mode, which replays the log in
     * memory and leaves every file as it was. Returns the verified key, or null for a database
     * that was never initialised.
     */
    private static MasterKey precheckReadOnly(JdbcTarget target, StoreOptions options, MasterKeySource source) {
        try (Connection connection = hsqldb(target.readOnlyUrl(), options).getConnection()) {
            try {
                int version = Schema.readVersion(connection);
                Schema.checkSupported(version);
                Map<String, String> meta = version == 0 ? Map.of() : KeyTable.readMeta(connection);
                return meta.containsKey(KeyTable.META_KEY_CHECK) ? loadAndVerify(source, meta) : null;
            } finally {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("SHUTDOWN");
                }
            }
        } catch (SQLException e) {
            throw new StoreException(e, "cannot read the store at %s (SQLState %s: %s); check the files and their "
                    + "permissions", target.filesPrefix(), e.getSQLState(), e.getMessage());
        }
    }

    private static DataKeys initialise(Session session, JdbcTarget target, MasterKeySource source,
                                       MasterKey checked, long now) throws SQLException {
        Connection connection = session.connection();
        int version = Schema.readVersion(connection);
        Schema.checkSupported(version);
        Map<String, String> meta = version == 0 ? Map.of() : KeyTable.readMeta(connection);
        boolean isNew = !meta.containsKey(KeyTable.META_KEY_CHECK);
        MasterKey master = checked;
        if (master == null) {
            master = isNew ? source.load(null, true) : loadAndVerify(source, meta);
        }
        if (target.isEmbedded()) {
            // Persisted settings, so they hold even if the database is later opened without our URL.
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET DATABASE TRANSACTION CONTROL MVCC");
                statement.execute("SET FILES WRITE DELAY FALSE");
            }
        }
        Schema.migrate(connection, target, version, now);
        String storeId = isNew ? createKeys(connection, master, now) : meta.get(KeyTable.META_STORE_ID);
        DataKeys keys = new DataKeys(storeId, master);
        keys.reload(session);
        return keys;
    }

    private static MasterKey loadAndVerify(MasterKeySource source, Map<String, String> meta) {
        String kdf = meta.get(KeyTable.META_KDF);
        MasterKey master = source.load(kdf == null ? null : KdfParameters.decode(kdf), false);
        try {
            KeyWrap.verify(master, meta.get(KeyTable.META_STORE_ID),
                    Base64.getDecoder().decode(meta.get(KeyTable.META_KEY_CHECK)));
            return master;
        } catch (RuntimeException e) {
            master.destroy();
            throw e;
        }
    }

    /** First start: store id, key check and data key v1, in one transaction. */
    private static String createKeys(Connection connection, MasterKey master, long now) throws SQLException {
        String storeId = Base64.getUrlEncoder().withoutPadding().encodeToString(Bytes.random(16));
        byte[] raw = Bytes.random(AesGcm.KEY_BYTES);
        connection.setAutoCommit(false);
        try {
            KeyTable.putMeta(connection, KeyTable.META_STORE_ID, storeId);
            KeyTable.putMeta(connection, KeyTable.META_KEY_CHECK,
                    Base64.getEncoder().encodeToString(KeyWrap.keyCheck(master, storeId)));
            KeyTable.putMeta(connection, KeyTable.META_KDF, master.kdf() == null ? null : master.kdf().encode());
            KeyTable.insertKey(connection, 1, KeyWrap.wrap(master, storeId, 1, raw), now);
            KeyTable.makePrimary(connection, 1);
            connection.commit();
            return storeId;
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            Bytes.wipe(raw);
            connection.setAutoCommit(true);
        }
    }

    static DataSource dataSource(String url, StoreOptions options) {
        if (options.dataSource() != null) {
            return options.dataSource();
        }
        if (!url.startsWith("jdbc:hsqldb:")) {
            throw new StoreException("no DataSource for %s; pass one with StoreOptions.withDataSource (only HSQLDB "
                    + "is built in)", url.replaceAll(";.*", ""));
        }
        return hsqldb(url, options);
    }

    /** HSQLDB's own DataSource rather than DriverManager, which would register a global driver from a plugin. */
    private static DataSource hsqldb(String url, StoreOptions options) {
        JDBCDataSource dataSource = new JDBCDataSource();
        dataSource.setUrl(url);
        dataSource.setUser(options.user() == null ? "SA" : options.user());
        dataSource.setPassword(options.password() == null ? "" : options.password());
        return dataSource;
    }
}
