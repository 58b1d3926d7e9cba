package dev.keyway.connections.store;

import dev.keyway.connections.ConnectionType;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/** SQL for {@code keyway_connections} and {@code keyway_shares}; portable statements only. */
final class ConnectionTable {

    private static final String META_COLUMNS = "id, workspace, owner_user, provider, display_name, conn_type,"
            + " environment, status, status_reason, status_checked_at, scopes, tags, shared_with, base_url,"
            + " allowed_hosts, created_at, updated_at, last_used_at, credentials_expire_at, row_version, key_version";
    private static final String SELECT_META = "SELECT " + META_COLUMNS + " FROM keyway_connections";
    private static final String SELECT_FULL = "SELECT " + META_COLUMNS + ", credentials FROM keyway_connections";
    private static final String BY_ID = " WHERE id = ?";

    private ConnectionTable() {
    }

    static Optional<ConnectionRow> find(Session session, String id, boolean withCredentials) throws SQLException {
        PreparedStatement select = session.prepare(withCredentials ? SELECT_FULL + BY_ID : SELECT_META + BY_ID);
        select.setString(1, id);
        try (ResultSet rows = select.executeQuery()) {
            return rows.next() ? Optional.of(map(rows, withCredentials)) : Optional.empty();
        }
    }

    static List<ConnectionRow> owned(Session session, String workspace, String owner) throws SQLException {
        PreparedStatement select = session.prepare(SELECT_META + " WHERE workspace = ? AND owner_user = ?");
        select.setString(1, workspace);
        select.setString(2, owner);
        return all(select, false);
    }

    static List<ConnectionRow> sharedWith(Session session, String workspace, String user) throws SQLException {
        PreparedStatement select = session.prepare(SELECT_META + " WHERE workspace = ? AND id IN"
                + " (SELECT connection_id FROM keyway_shares WHERE user_name = ?)");
        select.setString(1, workspace);
        select.setString(2, user);
        return all(select, false);
    }

    static List<ConnectionRow> byName(Session session, String workspace, String environment, String provider,
                                      String displayName) throws SQLException {
        PreparedStatement select = session.prepare(SELECT_FULL
                + " WHERE workspace = ? AND environment = ? AND provider = ? AND display_name = ?");
        select.setString(1, workspace);
        select.setString(2, environment);
        select.setString(3, provider);
        select.setString(4, displayName);
        return all(select, true);
    }

    static void insert(Session session, Connection c, CredentialCipher.Sealed sealed) throws SQLException {
        PreparedStatement insert = session.prepare("INSERT INTO keyway_connections (" + META_COLUMNS
                + ", credentials) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        insert.setString(1, c.id());
        insert.setString(2, c.workspace());
        insert.setString(3, c.owner());
        insert.setString(4, c.provider());
        insert.setString(5, c.displayName());
        insert.setString(6, c.type().id());
        insert.setString(7, c.environment());
        setStatus(insert, 8, c.status());
        insert.setString(11, TextLists.join("scope", c.scopes()));
        insert.setString(12, TextLists.join("tag", c.tags()));
        insert.setString(13, TextLists.join("user", c.sharedWith()));
        insert.setString(14, c.baseUrl());
        insert.setString(15, TextLists.join("allowed host", c.allowedHosts()));
        setTime(insert, 16, c.createdAt());
        setTime(insert, 17, c.updatedAt());
        setTime(insert, 18, c.lastUsedAt());
        setTime(insert, 19, c.credentialsExpireAt());
        insert.setLong(20, c.rowVersion());
        insert.setInt(21, sealed.keyVersion());
        insert.setBytes(22, sealed.blob());
        insert.executeUpdate();
    }

    /**
     * Writes the mutable columns if the row is still at {@code c.rowVersion() - 1}; the caller passes
     * the connection with its row version already incremented.
     *
     * @return false if another writer got there first
     */
    static boolean save(Session session, Connection c, CredentialCipher.Sealed sealed) throws SQLException {
        PreparedStatement update = session.prepare("UPDATE keyway_connections SET display_name = ?, status = ?,"
                + " status_reason = ?, status_checked_at = ?, scopes = ?, tags = ?, shared_with = ?, updated_at = ?,"
                + " credentials_expire_at = ?, key_version = ?, credentials = ?, row_version = ?, base_url = ?,"
                + " allowed_hosts = ? WHERE id = ? AND row_version = ?");
        update.setString(1, c.displayName());
        setStatus(update, 2, c.status());
        update.setString(5, TextLists.join("scope", c.scopes()));
        update.setString(6, TextLists.join("tag", c.tags()));
        update.setString(7, TextLists.join("user", c.sharedWith()));
        setTime(update, 8, c.updatedAt());
        setTime(update, 9, c.credentialsExpireAt());
        update.setInt(10, sealed.keyVersion());
        update.setBytes(11, sealed.blob());
        update.setLong(12, c.rowVersion());
        update.setString(13, c.baseUrl());
        update.setString(14, TextLists.join("allowed host", c.allowedHosts()));
        update.setString(15, c.id());
        update.setLong(16, c.rowVersion() - 1);
        return update.executeUpdate() == 1;
    }

    /** Re-encryption by rotation: same plaintext, so the row version (the callers' CAS token) stays. */
    static boolean rewrap(Session session, ConnectionRow row, CredentialCipher.Sealed sealed) throws SQLException {
        PreparedStatement update = session.prepare("UPDATE keyway_connections SET key_version = ?, credentials = ?"
                + " WHERE id = ? AND row_version = ? AND key_version = ?");
        update.setInt(1, sealed.keyVersion());
        update.setBytes(2, sealed.blob());
        update.setString(3, row.connection().id());
        update.setLong(4, row.connection().rowVersion());
        update.setInt(5, row.keyVersion());
        return update.executeUpdate() == 1;
    }

    static List<String> idsBelowKeyVersion(Session session, int version) throws SQLException {
        PreparedStatement select = session.prepare("SELECT id FROM keyway_connections WHERE key_version < ?");
        select.setInt(1, version);
        List<String> ids = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
        }
        return ids;
    }

    static void touchLastUsed(Session session, String id, Instant at) throws SQLException {
        PreparedStatement update = session.prepare("UPDATE keyway_connections SET last_used_at = ?"
                + " WHERE id = ? AND (last_used_at IS NULL OR last_used_at < ?)");
        update.setLong(1, at.toEpochMilli());
        update.setString(2, id);
        update.setLong(3, at.toEpochMilli());
        update.executeUpdate();
    }

    /** Locks the row until the transaction ends; a portable SELECT ... FOR UPDATE. */
    static void lock(Session session, String id) throws SQLException {
        PreparedStatement lock = session.prepare("UPDATE keyway_connections SET row_version = row_version WHERE id = ?");
        lock.setString(1, id);
        lock.executeUpdate();
    }

    /** Deletes the row, then its shares: the row is locked first, as by every other write. */
    static boolean delete(Session session, String id) throws SQLException {
        PreparedStatement delete = session.prepare("DELETE FROM keyway_connections WHERE id = ?");
        delete.setString(1, id);
        boolean deleted = delete.executeUpdate() == 1;
        PreparedStatement shares = session.prepare("DELETE FROM keyway_shares WHERE connection_id = ?");
        shares.setString(1, id);
        shares.executeUpdate();
        return deleted;
    }

    static void addShare(Session session, String id, String user) throws SQLException {
        PreparedStatement insert = session.prepare("INSERT INTO keyway_shares (connection_id, user_name) VALUES (?, ?)");
        insert.setString(1, id);
        insert.setString(2, user);
        insert.executeUpdate();
    }

    static void removeShare(Session session, String id, String user) throws SQLException {
        PreparedStatement delete = session.prepare("DELETE FROM keyway_shares WHERE connection_id = ? AND user_name = ?");
        delete.setString(1, id);
        delete.setString(2, user);
        delete.executeUpdate();
    }

    private static List<ConnectionRow> all(PreparedStatement select, boolean withCredentials) throws SQLException {
        List<ConnectionRow> result = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                result.add(map(rows, withCredentials));
            }
        }
        return result;
    }

    private static ConnectionRow map(ResultSet rows, boolean withCredentials) throws SQLException {
        ConnectionStatus status = new ConnectionStatus(ConnectionStatus.State.fromWire(rows.getString(8)),
                rows.getString(9), time(rows, 10));
        Connection connection = new Connection(rows.getString(1), rows.getString(2), rows.getString(3),
                rows.getString(4), rows.getString(5), ConnectionType.parse(rows.getString(6)), rows.getString(7),
                status, TextLists.split(rows.getString(11)), new LinkedHashSet<>(TextLists.split(rows.getString(12))),
                new LinkedHashSet<>(TextLists.split(rows.getString(13))), rows.getString(14),
                TextLists.split(rows.getString(15)), time(rows, 16), time(rows, 17), time(rows, 18), time(rows, 19),
                rows.getLong(20));
        return new ConnectionRow(connection, rows.getInt(21), withCredentials ? rows.getBytes(22) : null);
    }

    private static void setStatus(PreparedStatement statement, int index, ConnectionStatus status) throws SQLException {
        statement.setString(index, status.state().wire());
        statement.setString(index + 1, status.reason());
        setTime(statement, index + 2, status.lastCheckedAt());
    }

    static void setTime(PreparedStatement statement, int index, Instant value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, value.toEpochMilli());
        }
    }

    static Instant time(ResultSet rows, int index) throws SQLException {
        long value = rows.getLong(index);
        return rows.wasNull() ? null : Instant.ofEpochMilli(value);
    }
}
