package dev.keyway.connections.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** SQL for the store's meta values and wrapped data keys. Takes plain JDBC connections so it also serves the read-only pre-check. */
final class KeyTable {

    static final String META_STORE_ID = "store_id";
    static final String META_KEY_CHECK = "key_check";
    static final String META_KDF = "kdf";

    /** True when no row uses the key version bound to both parameters. */
    private static final String UNUSED = "NOT EXISTS (SELECT 1 FROM keyway_connections c WHERE c.key_version = ?)"
            + " AND NOT EXISTS (SELECT 1 FROM keyway_env_secrets s WHERE s.key_version = ?)";

    /**
     * A stored data key.
     *
     * @param version   version
     * @param wrapped   wrapped key, null once retired
     * @param state     PRIMARY, ACTIVE or RETIRED
     * @param createdAt epoch ms
     */
    record StoredKey(int version, byte[] wrapped, KeyVersionInfo.State state, long createdAt) {
    }

    private KeyTable() {
    }

    static Map<String, String> readMeta(Connection connection) throws SQLException {
        Map<String, String> meta = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT name, val FROM keyway_meta");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                meta.put(rows.getString(1), rows.getString(2));
            }
        }
        return meta;
    }

    static void putMeta(Connection connection, String name, String value) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM keyway_meta WHERE name = ?")) {
            delete.setString(1, name);
            delete.executeUpdate();
        }
        if (value != null) {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO keyway_meta (name, val) VALUES (?, ?)")) {
                insert.setString(1, name);
                insert.setString(2, value);
                insert.executeUpdate();
            }
        }
    }

    static List<StoredKey> readKeys(Connection connection) throws SQLException {
        List<StoredKey> keys = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT version, wrapped, state, created_at FROM keyway_data_keys ORDER BY version DESC");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                keys.add(new StoredKey(rows.getInt(1), rows.getBytes(2),
                        KeyVersionInfo.State.valueOf(rows.getString(3)), rows.getLong(4)));
            }
        }
        return keys;
    }

    static void insertKey(Connection connection, int version, byte[] wrapped, long now) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO keyway_data_keys (version, wrapped, state, created_at) VALUES (?, ?, 'ACTIVE', ?)")) {
            insert.setInt(1, version);
            insert.setBytes(2, wrapped);
            insert.setLong(3, now);
            insert.executeUpdate();
        }
    }

    static void rewrap(Connection connection, int version, byte[] wrapped) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE keyway_data_keys SET wrapped = ? WHERE version = ?")) {
            update.setBytes(1, wrapped);
            update.setInt(2, version);
            update.executeUpdate();
        }
    }

    /** Makes {@code version} the only primary; the former primary stays active. */
    static void makePrimary(Connection connection, int version) throws SQLException {
        try (PreparedStatement demote = connection.prepareStatement(
                "UPDATE keyway_data_keys SET state = 'ACTIVE' WHERE state = 'PRIMARY'");
             PreparedStatement promote = connection.prepareStatement(
                     "UPDATE keyway_data_keys SET state = 'PRIMARY' WHERE version = ?")) {
            demote.executeUpdate();
            promote.setInt(1, version);
            promote.executeUpdate();
        }
    }

    /**
     * Retires {@code version} if it is not primary and no row uses it. The wrapped key is kept for
     * now: another engine may be committing a row sealed with it this very moment (its in-transaction
     * check saw the key still active), and that row must stay readable until the next rotation
     * moves it. {@link #purgeRetired} destroys the key later.
     */
    static boolean retireIfUnused(Connection connection, int version, long now) throws SQLException {
        try (PreparedStatement retire = connection.prepareStatement(
                "UPDATE keyway_data_keys SET state = 'RETIRED', retired_at = ? WHERE version = ?"
                        + " AND state = 'ACTIVE' AND " + UNUSED)) {
            retire.setLong(1, now);
            retire.setInt(2, version);
            retire.setInt(3, version);
            retire.setInt(4, version);
            return retire.executeUpdate() == 1;
        }
    }

    /** Destroys the wrapped material of keys retired before {@code retiredBefore} that still have no row. */
    static List<Integer> purgeRetired(Connection connection, long retiredBefore) throws SQLException {
        List<Integer> purged = new ArrayList<>();
        for (StoredKey key : readKeys(connection)) {
            if (key.state() != KeyVersionInfo.State.RETIRED || key.wrapped() == null) {
                continue;
            }
            try (PreparedStatement purge = connection.prepareStatement(
                    "UPDATE keyway_data_keys SET wrapped = NULL WHERE version = ? AND state = 'RETIRED'"
                            + " AND retired_at < ? AND " + UNUSED)) {
                purge.setInt(1, key.version());
                purge.setLong(2, retiredBefore);
                purge.setInt(3, key.version());
                purge.setInt(4, key.version());
                if (purge.executeUpdate() == 1) {
                    purged.add(key.version());
                }
            }
        }
        return purged;
    }

    /** Whether {@code version} may still seal new rows (not retired). */
    static boolean isLive(Connection connection, int version) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT state FROM keyway_data_keys WHERE version = ?")) {
            select.setInt(1, version);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() && !"RETIRED".equals(rows.getString(1));
            }
        }
    }

    /** Rows per key version in {@code table} (keyway_connections or keyway_env_secrets). */
    static Map<Integer, Long> countByVersion(Connection connection, String table) throws SQLException {
        Map<Integer, Long> counts = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT key_version, COUNT(*) FROM " + table + " GROUP BY key_version");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                counts.put(rows.getInt(1), rows.getLong(2));
            }
        }
        return counts;
    }
}
