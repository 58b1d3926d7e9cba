package dev.keyway.connections.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** SQL for {@code keyway_env_secrets}. */
final class SecretTable {

    private static final String COLUMNS = "workspace, environment, name, connection_id, field_name, key_version,"
            + " ciphertext";

    private SecretTable() {
    }

    /** Inserts or replaces (delete + insert keeps it portable without MERGE/UPSERT dialects). */
    static void put(Session session, SecretRow row, long now) throws SQLException {
        PreparedStatement delete = session.prepare(
                "DELETE FROM keyway_env_secrets WHERE workspace = ? AND environment = ? AND name = ?");
        delete.setString(1, row.identity().workspace());
        delete.setString(2, row.identity().environment());
        delete.setString(3, row.identity().name());
        delete.executeUpdate();
        insert(session, row, now);
    }

    /** Inserts a secret of a new name; fails with a unique-key violation if the name was taken meanwhile. */
    static void insert(Session session, SecretRow row, long now) throws SQLException {
        PreparedStatement insert = session.prepare("INSERT INTO keyway_env_secrets (" + COLUMNS
                + ", created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
        insert.setString(1, row.identity().workspace());
        insert.setString(2, row.identity().environment());
        insert.setString(3, row.identity().name());
        insert.setString(4, row.identity().connectionId());
        insert.setString(5, row.identity().fieldName());
        insert.setInt(6, row.keyVersion());
        insert.setBytes(7, row.sealed());
        insert.setLong(8, now);
        insert.setLong(9, now);
        insert.executeUpdate();
    }

    /** The secret in {@code environment}, else the one seeded into every environment. */
    static List<SecretRow> find(Session session, String workspace, String environment, String name)
            throws SQLException {
        PreparedStatement select = session.prepare("SELECT " + COLUMNS + " FROM keyway_env_secrets"
                + " WHERE workspace = ? AND name = ? AND environment IN (?, ?)");
        select.setString(1, workspace);
        select.setString(2, name);
        select.setString(3, environment);
        select.setString(4, SecretScope.ALL);
        return all(select);
    }

    static List<String> names(Session session, String workspace, String environment) throws SQLException {
        PreparedStatement select = session.prepare("SELECT DISTINCT name FROM keyway_env_secrets"
                + " WHERE workspace = ? AND environment IN (?, ?) ORDER BY name");
        select.setString(1, workspace);
        select.setString(2, environment);
        select.setString(3, SecretScope.ALL);
        List<String> names = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }

    static List<SecretRow> ofConnection(Session session, String connectionId) throws SQLException {
        PreparedStatement select = session.prepare("SELECT " + COLUMNS + " FROM keyway_env_secrets"
                + " WHERE connection_id = ?");
        select.setString(1, connectionId);
        return all(select);
    }

    static List<SecretRow> belowKeyVersion(Session session, int version) throws SQLException {
        PreparedStatement select = session.prepare("SELECT " + COLUMNS + " FROM keyway_env_secrets"
                + " WHERE key_version < ?");
        select.setInt(1, version);
        return all(select);
    }

    /** Rotation's re-encryption, guarded so a concurrent re-seed is not overwritten. */
    static boolean rewrap(Session session, SecretRow old, SecretRow fresh) throws SQLException {
        PreparedStatement update = session.prepare("UPDATE keyway_env_secrets SET key_version = ?, ciphertext = ?"
                + " WHERE workspace = ? AND environment = ? AND name = ? AND key_version = ? AND connection_id = ?");
        update.setInt(1, fresh.keyVersion());
        update.setBytes(2, fresh.sealed());
        update.setString(3, old.identity().workspace());
        update.setString(4, old.identity().environment());
        update.setString(5, old.identity().name());
        update.setInt(6, old.keyVersion());
        update.setString(7, old.identity().connectionId());
        return update.executeUpdate() == 1;
    }

    static void delete(Session session, SecretRow.Identity identity) throws SQLException {
        PreparedStatement delete = session.prepare(
                "DELETE FROM keyway_env_secrets WHERE workspace = ? AND environment = ? AND name = ?");
        delete.setString(1, identity.workspace());
        delete.setString(2, identity.environment());
        delete.setString(3, identity.name());
        delete.executeUpdate();
    }

    static int deleteOfConnection(Session session, String connectionId) throws SQLException {
        PreparedStatement delete = session.prepare("DELETE FROM keyway_env_secrets WHERE connection_id = ?");
        delete.setString(1, connectionId);
        return delete.executeUpdate();
    }

    private static List<SecretRow> all(PreparedStatement select) throws SQLException {
        List<SecretRow> result = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                result.add(new SecretRow(new SecretRow.Identity(rows.getString(1), rows.getString(2),
                        rows.getString(3), rows.getString(4), rows.getString(5)), rows.getInt(6), rows.getBytes(7)));
            }
        }
        return result;
    }
}
