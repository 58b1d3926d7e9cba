package dev.keyway.connections.service;

import dev.keyway.connections.http.TestOutcome;
import dev.keyway.connections.store.Connection;

/**
 * The result of testing a connection's credentials.
 *
 * @param connection the connection with its new status
 * @param outcome    what the provider answered
 */
public record TestedConnection(Connection connection, TestOutcome outcome) {
}
