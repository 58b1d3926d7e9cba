package dev.keyway.connections.oauth;

import dev.keyway.api.Principal;
import dev.keyway.connections.ConnectionType;
import dev.keyway.connections.store.Connection;
import dev.keyway.connections.store.ConnectionStore;
import dev.keyway.connections.store.Credentials;
import dev.keyway.connections.store.InvalidRequestException;
import dev.keyway.connections.store.ResolvedConnection;
import java.util.Map;

/**
 * Revokes an OAuth connection's tokens at the provider (RFC 7009) before the connection is
 * deleted: the refresh token first (which ends the grant at most providers), then the access
 * token. Never blocks the delete: a provider that is down, or has no revocation endpoint, is
 * reported in the outcome and the caller deletes anyway.
 */
public final class TokenRevoker {

    /**
     * What happened at the provider.
     *
     * @param state   {@code revoked}, {@code not_supported} (no revocation endpoint) or {@code failed}
     * @param message for people: what was revoked, or what failed and what to do about it
     */
    public record Outcome(String state, String message) {

        public Map<String, Object> view() {
            return Map.of("state", state, "message", message);
        }
    }

    private final ConnectionStore store;
    private final OAuthClients clients;
    private final TokenEndpoint endpoint;

    TokenRevoker(ConnectionStore store, OAuthClients clients, TokenEndpoint endpoint) {
        this.store = store;
        this.clients = clients;
        this.endpoint = endpoint;
    }

    /** Revokes the tokens of {@code connection} (an OAuth connection {@code owner} may delete). */
    public Outcome revoke(Connection connection, Principal owner) {
        if (connection.type() != ConnectionType.OAUTH) {
            throw new IllegalArgumentException(connection.id() + " is not an OAuth connection");
        }
        try (ResolvedConnection resolved = store.resolve(connection.id(), owner, connection.environment())) {
            Credentials credentials = resolved.credentials();
            OAuthClient client = clients.forConnection(connection, credentials);
            if (client.revokeUrl() == null) {
                return new Outcome("not_supported", connection.provider() + " has no token revocation endpoint; "
                        + "revoke the app's access in your " + connection.provider() + " account settings");
            }
            credentials.field(OAuthFields.REFRESH_TOKEN).ifPresent(t -> endpoint.revoke(client, t, "refresh_token"));
            credentials.field(OAuthFields.TOKEN).ifPresent(t -> endpoint.revoke(client, t, "access_token"));
            return new Outcome("revoked", "the tokens were revoked at " + connection.provider());
        } catch (OAuthException | InvalidRequestException e) {
            return new Outcome("failed", "the tokens could not be revoked at " + connection.provider() + " ("
                    + e.getMessage() + "); the connection was deleted anyway: revoke the app's access in your "
                    + connection.provider() + " account settings");
        }
    }
}
