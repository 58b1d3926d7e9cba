package dev.keyway.connections.oauth;

import dev.keyway.api.Secret;
import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * One OAuth client registration and the provider endpoints it talks to.
 *
 * @param provider      the catalogue id, e.g. {@code gitlab}
 * @param clientId      the registered client id
 * @param clientSecret  the client secret (a credential: never logged or shown)
 * @param authorizeUrl  where people grant access, or null (client credentials need none)
 * @param tokenUrl      code exchange, refresh and client credentials
 * @param revokeUrl     RFC 7009 revocation, or null where the provider has none
 * @param defaultScopes scopes asked for unless the caller names others
 */
public record OAuthClient(String provider, String clientId, Secret clientSecret, URI authorizeUrl, URI tokenUrl,
                          URI revokeUrl, List<String> defaultScopes) {

    public OAuthClient {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(clientSecret, "clientSecret");
        Objects.requireNonNull(tokenUrl, "tokenUrl");
        defaultScopes = List.copyOf(defaultScopes == null ? List.of() : defaultScopes);
    }

    @Override
    public String toString() {
        return "OAuthClient[" + provider + ", " + clientId + ", " + tokenUrl + "]";
    }
}
