package dev.keyway.connections.nodes;

import dev.keyway.api.Secret;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A connection as a node may use it: metadata plus decrypted fields.
 *
 * @param id           e.g. {@code conn_abc123}
 * @param provider     a provider id from the catalogue, e.g. {@code jira}
 * @param displayName  the label the owner chose
 * @param type         the auth kind id: {@code oauth}, {@code api_key}, {@code credentials}, {@code basic}, {@code bearer}
 * @param baseUrl      the API root, or null to derive it from the catalogue and fields
 * @param allowedHosts hosts that may receive the credentials; empty to derive them from the catalogue
 * @param fields       credential values by field name ({@code token}, {@code api-key}, {@code base-url}, ...)
 */
public record ResolvedConnection(
        String id, String provider, String displayName, String type, String baseUrl, List<String> allowedHosts,
        Map<String, Secret> fields) {

    public ResolvedConnection {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(provider, "provider");
        displayName = displayName == null ? id : displayName;
        Objects.requireNonNull(type, "type");
        allowedHosts = List.copyOf(allowedHosts == null ? List.of() : allowedHosts);
        fields = Map.copyOf(fields);
    }

    @Override
    public String toString() {
        // Fields are secrets and print as masks anyway; keep the line short and obviously safe.
        return "ResolvedConnection[" + id + ", " + provider + ", " + type + "]";
    }
}
