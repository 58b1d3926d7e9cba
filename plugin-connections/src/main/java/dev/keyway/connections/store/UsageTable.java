package dev.keyway.connections.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** SQL for the append-only {@code keyway_usage} trail. There is no update or delete here by design. */
final class UsageTable {

    private UsageTable() {
    }

    /** Inserts the events as one JDBC batch. */
    static void append(Session session, List<UsageEvent> events) throws SQLException {
        PreparedStatement insert = session.prepare("INSERT INTO keyway_usage (connection_id, execution_id, node_id,"
                + " target_host, used_at, outcome) VALUES (?, ?, ?, ?, ?, ?)");
        try {
            for (UsageEvent event : events) {
                insert.setString(1, event.connectionId());
                insert.setString(2, event.executionId());
                insert.setString(3, event.nodeId());
                insert.setString(4, event.targetHost());
                insert.setLong(5, event.at().toEpochMilli());
                insert.setString(6, event.outcome());
                insert.addBatch();
            }
            insert.executeBatch();
        } finally {
            insert.clearBatch();
        }
    }

    static List<UsageEvent> newest(Session session, String connectionId, int limit) throws SQLException {
        PreparedStatement select = session.prepare("SELECT connection_id, execution_id, node_id, target_host,"
                + " used_at, outcome FROM keyway_usage WHERE connection_id = ? ORDER BY used_at DESC, id DESC");
        select.setString(1, connectionId);
        select.setMaxRows(limit);
        List<UsageEvent> events = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next() && events.size() < limit) {
                events.add(new UsageEvent(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4),
                        Instant.ofEpochMilli(rows.getLong(5)), rows.getString(6)));
            }
        }
        return events;
    }
}
