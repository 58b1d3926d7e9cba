package dev.keyway.connections.store;

import dev.keyway.connections.ConnectionType;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A connection's metadata: everything but the credentials, safe to list and return from the API.
 *
 * @param id                  {@code conn_} followed by 128 random bits, URL-safe
 * @param workspace           the workspace it belongs to
 * @param owner               the user who created it
 * @param provider            e.g. github, slack, jira
 * @param displayName         the user's label
 * @param type                how it authenticates
 * @param environment         development, staging, production or another name
 * @param status              active / not active, reason and last check
 * @param scopes              OAuth scopes (may be empty)
 * @param tags                user tags
 * @param sharedWith          users it is explicitly shared with
 * @param baseUrl             the service's base URL, or null
 * @param allowedHosts        hosts (optionally host:port) that may receive the credentials
 * @param createdAt           creation time
 * @param updatedAt           last change
 * @param lastUsedAt          last recorded use, or null
 * @param credentialsExpireAt when the stored tokens expire, or null
 * @param rowVersion          optimistic version; pass it back in {@link ConnectionUpdate#expectedRowVersion}
 */
public record Connection(String id, String workspace, String owner, String provider, String displayName,
                         ConnectionType type, String environment, ConnectionStatus status, List<String> scopes,
                         Set<String> tags, Set<String> sharedWith, String baseUrl, List<String> allowedHosts,
                         Instant createdAt, Instant updatedAt, Instant lastUsedAt, Instant credentialsExpireAt,
                         long rowVersion) {

    public Connection {
        scopes = List.copyOf(scopes);
        tags = Set.copyOf(tags);
        sharedWith = Set.copyOf(sharedWith);
        allowedHosts = List.copyOf(allowedHosts);
    }

    /** Whether {@code user} owns it. */
    public boolean isOwnedBy(String user) {
        return owner.equals(user);
    }

    Connection withSharedWith(Set<String> users) {
        return new Connection(id, workspace, owner, provider, displayName, type, environment, status, scopes, tags,
                users, baseUrl, allowedHosts, createdAt, updatedAt, lastUsedAt, credentialsExpireAt, rowVersion);
    }
}
