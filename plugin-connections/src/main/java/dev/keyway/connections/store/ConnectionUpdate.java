package dev.keyway.connections.store;

import java.util.List;
import java.util.Set;

/**
 * A change to a connection; null parts stay as they are. New {@link #credentials} replace the old
 * ones under the same id (the provider's key was rotated; patterns keep working).
 *
 * @param displayName        new label
 * @param tags               new tags (replacing)
 * @param scopes             new scopes
 * @param baseUrl            new base URL
 * @param allowedHosts       new allowed hosts (replacing)
 * @param credentials        new credential fields (replacing all fields)
 * @param status             new status
 * @param expectedRowVersion if set, the update fails with {@link ConcurrentUpdateException} when the
 *                           row changed since this version was read
 */
public record ConnectionUpdate(String displayName, Set<String> tags, List<String> scopes, String baseUrl,
                               List<String> allowedHosts, Credentials credentials, ConnectionStatus status,
                               Long expectedRowVersion) {

    /** An update that changes nothing yet. */
    public static ConnectionUpdate none() {
        return new ConnectionUpdate(null, null, null, null, null, null, null, null);
    }

    public ConnectionUpdate withDisplayName(String value) {
        return new ConnectionUpdate(value, tags, scopes, baseUrl, allowedHosts, credentials, status,
                expectedRowVersion);
    }

    public ConnectionUpdate withTags(Set<String> value) {
        return new ConnectionUpdate(displayName, Set.copyOf(value), scopes, baseUrl, allowedHosts, credentials, status,
                expectedRowVersion);
    }

    public ConnectionUpdate withScopes(List<String> value) {
        return new ConnectionUpdate(displayName, tags, List.copyOf(value), baseUrl, allowedHosts, credentials, status,
                expectedRowVersion);
    }

    public ConnectionUpdate withBaseUrl(String value) {
        return new ConnectionUpdate(displayName, tags, scopes, value, allowedHosts, credentials, status,
                expectedRowVersion);
    }

    public ConnectionUpdate withAllowedHosts(List<String> value) {
        return new ConnectionUpdate(displayName, tags, scopes, baseUrl, List.copyOf(value), credentials, status,
                expectedRowVersion);
    }

    public ConnectionUpdate withCredentials(Credentials value) {
        return new ConnectionUpdate(displayName, tags, scopes, baseUrl, allowedHosts, value, status,
                expectedRowVersion);
    }

    public ConnectionUpdate withStatus(ConnectionStatus value) {
        return new ConnectionUpdate(displayName, tags, scopes, baseUrl, allowedHosts, credentials, value,
                expectedRowVersion);
    }

    public ConnectionUpdate expectingRowVersion(long value) {
        return new ConnectionUpdate(displayName, tags, scopes, baseUrl, allowedHosts, credentials, status, value);
    }
}
