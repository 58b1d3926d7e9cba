package dev.keyway.connections.store;

/**
 * Filters for listing; null parts match everything.
 *
 * @param provider    only this provider
 * @param tag         only connections with this tag
 * @param environment only this environment
 * @param state       only this status
 */
public record ConnectionFilter(String provider, String tag, String environment, ConnectionStatus.State state) {

    public static ConnectionFilter all() {
        return new ConnectionFilter(null, null, null, null);
    }

    boolean matches(Connection c) {
        return (provider == null || provider.equals(c.provider()))
                && (tag == null || c.tags().contains(tag))
                && (environment == null || environment.equals(c.environment()))
                && (state == null || state == c.status().state());
    }
}
