package dev.keyway.connections.oauth;

import dev.keyway.api.Secret;
import java.util.List;

/**
 * A machine-to-machine connection to create: the client registration it holds itself.
 *
 * @param provider     catalogue id of a provider with OAuth
 * @param clientId     the client id registered with the provider
 * @param clientSecret its secret
 * @param scopes       scopes to ask for; empty for none (the provider's default for the client)
 * @param displayName  label, or null
 * @param environment  the environment it serves
 * @param baseUrl      the instance's base URL for self-hosted providers, or null
 */
public record ClientCredentialsRequest(String provider, String clientId, Secret clientSecret, List<String> scopes,
                                       String displayName, String environment, String baseUrl) {

    public ClientCredentialsRequest {
        scopes = List.copyOf(scopes == null ? List.of() : scopes);
    }
}
