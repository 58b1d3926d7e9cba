package dev.keyway.connections.oauth;

import java.util.List;

/**
 * What a person asks for when connecting a provider with OAuth.
 *
 * @param provider    catalogue id, e.g. {@code github}
 * @param displayName label for the connection, or null for the provider's name (and account)
 * @param environment the environment the connection serves
 * @param scopes      scopes to ask for; empty for the provider's defaults
 * @param baseUrl     the instance's base URL for self-hosted providers, or null
 * @param returnTo    where to send the browser afterwards (same origin), or null for a small page
 */
public record StartRequest(String provider, String displayName, String environment, List<String> scopes,
                           String baseUrl, String returnTo) {

    public StartRequest {
        scopes = List.copyOf(scopes == null ? List.of() : scopes);
    }
}
