package dev.keyway.connections.oauth;

import dev.keyway.api.Principal;
import dev.keyway.api.Secret;
import dev.keyway.connections.ConnectionType;
import dev.keyway.connections.nodes.ConnectionResolver;
import dev.keyway.connections.nodes.ConnectionSummary;
import dev.keyway.connections.nodes.ResolvedConnection;
import dev.keyway.connections.nodes.UsageContext;
import dev.keyway.connections.store.Connection;
import dev.keyway.connections.store.ConnectionStore;
import java.util.List;
import java.util.Optional;

/**
 * The nodes' resolver with OAuth token care: an OAuth connection whose token expires within the
 * margin is refreshed before a node gets it, one whose grant is gone fails with
 * {@code needs_reauth}, and a 401 gets one refresh (see {@link TokenRefresher}). Other connections
 * pass straight through.
 */
public final class RefreshingResolver implements ConnectionResolver {

    private final ConnectionResolver delegate;
    private final ConnectionStore store;
    private final TokenRefresher refresher;

    public RefreshingResolver(ConnectionResolver delegate, ConnectionStore store, TokenRefresher refresher) {
        this.delegate = delegate;
        this.store = store;
        this.refresher = refresher;
    }

    @Override
    public ResolvedConnection resolve(String reference, Principal principal, String environment) {
        return fresh(delegate.resolve(reference, principal, environment), principal, environment);
    }

    @Override
    public ResolvedConnection resolve(String reference, Principal principal, String environment, UsageContext usage) {
        return fresh(delegate.resolve(reference, principal, environment, usage), principal, environment);
    }

    private ResolvedConnection fresh(ResolvedConnection resolved, Principal principal, String environment) {
        if (!ConnectionType.OAUTH.id().equals(resolved.type())) {
            return resolved;
        }
        // Metadata only (no decrypt): the expiry and status are stored in the clear for this check.
        Connection connection = store.get(resolved.id(), principal).orElse(null);
        if (connection == null) {
            return resolved;
        }
        try {
            refresher.checkUsable(connection);
            if (!refresher.isExpiring(connection) && resolved.fields().containsKey(OAuthFields.TOKEN)) {
                return resolved;
            }
            refresher.refreshIfExpiring(resolved.id(), principal, environment);
        } catch (RuntimeException e) {
            destroy(resolved);
            throw e;
        }
        destroy(resolved);
        return delegate.resolve(resolved.id(), principal, environment);
    }

    @Override
    public ResolvedConnection renewRejected(ResolvedConnection connection, Principal principal, String environment) {
        if (!ConnectionType.OAUTH.id().equals(connection.type())) {
            return null;
        }
        Secret rejected = connection.fields().get(OAuthFields.TOKEN);
        if (rejected == null || rejected.isDestroyed()) {
            return null;
        }
        refresher.refreshRejected(connection.id(), principal, environment, rejected);
        return delegate.resolve(connection.id(), principal, environment);
    }

    private static void destroy(ResolvedConnection resolved) {
        resolved.fields().values().forEach(Secret::destroy);
    }

    @Override
    public void recordUse(ResolvedConnection connection, UsageContext usage, String targetHost, String outcome) {
        delegate.recordUse(connection, usage, targetHost, outcome);
    }

    @Override
    public List<ConnectionSummary> list(Principal principal, String environment) {
        return delegate.list(principal, environment);
    }

    @Override
    public Optional<Secret> environmentSecret(Principal principal, String environment, String name) {
        return delegate.environmentSecret(principal, environment, name);
    }
}
