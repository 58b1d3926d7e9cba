package dev.keyway.connections.store;

import java.sql.SQLException;

/** A unit of JDBC work run on a pooled session. */
@FunctionalInterface
interface SqlWork<T> {
    T run(Session session) throws SQLException;
}
