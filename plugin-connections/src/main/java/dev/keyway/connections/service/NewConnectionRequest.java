package dev.keyway.connections.service;

import dev.keyway.api.Secret;
import dev.keyway.connections.ConnectionType;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a person asks for when creating a non-OAuth connection, from the API, the CLI or the page.
 *
 * @param provider     catalogue id, e.g. {@code slack}
 * @param type         {@code api_key}, {@code credentials}, {@code basic} or {@code bearer}
 * @param displayName  the label, or null for the provider's name
 * @param environment  where the connection lives and its secrets are seeded; null: the caller's
 *                     environment, with secrets seeded into every environment of the workspace
 * @param fields       credential fields by name (secret and non-secret ones)
 * @param tags         labels to filter on
 * @param baseUrl      a self-hosted base URL (GitHub Enterprise, Jira Data Center), or null
 * @param allowedHosts extra hosts ({@code host} or {@code host:port}) that may receive the credentials
 */
public record NewConnectionRequest(String provider, ConnectionType type, String displayName, String environment,
                                   Map<String, Secret> fields, Set<String> tags, String baseUrl, List<String> allowedHosts) {

    public NewConnectionRequest {
        Objects.requireNonNull(type, "type");
        fields = Map.copyOf(fields == null ? Map.of() : fields);
        tags = Set.copyOf(tags == null ? Set.of() : tags);
        allowedHosts = List.copyOf(allowedHosts == null ? List.of() : allowedHosts);
    }

    @Override
    public String toString() {
        return "NewConnectionRequest[" + provider + ", " + type.id() + ", fields=" + fields.keySet() + "]";
    }
}
