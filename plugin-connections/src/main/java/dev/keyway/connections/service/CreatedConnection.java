package dev.keyway.connections.service;

import dev.keyway.connections.store.Connection;
import dev.keyway.connections.store.SeedResult;

/**
 * A new connection and the environment secrets seeded from it.
 *
 * @param connection the stored connection's metadata
 * @param seedResult how many secrets were seeded, and their names
 */
public record CreatedConnection(Connection connection, SeedResult seedResult) {
}
