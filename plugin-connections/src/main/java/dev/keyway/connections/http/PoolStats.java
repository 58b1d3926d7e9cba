package dev.keyway.connections.http;

/**
 * A snapshot of {@link SafeHttpClient}'s connection pool, for checks that failed exchanges give
 * their connections back.
 *
 * @param leased    connections in use by an exchange right now
 * @param available idle connections kept for reuse
 * @param pending   exchanges waiting for a connection
 * @param max       the most connections the pool may hold
 */
public record PoolStats(int leased, int available, int pending, int max) {
}
