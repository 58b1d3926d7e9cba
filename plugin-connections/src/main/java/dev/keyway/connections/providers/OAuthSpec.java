package dev.keyway.connections.providers;

import java.util.List;
import java.util.Objects;

/**
 * A provider's OAuth 2 endpoints. An OAuth connection keeps its access token in the field
 * {@code token}.
 *
 * @param authorizeUrl  where the person grants access
 * @param tokenUrl      code exchange and refresh
 * @param revokeUrl     token revocation, or null where the provider has none
 * @param defaultScopes scopes asked for unless the person picks others
 * @param injection     how an OAuth token is sent; defaults to {@code Authorization: Bearer {token}}
 */
public record OAuthSpec(
        String authorizeUrl, String tokenUrl, String revokeUrl, List<String> defaultScopes, List<InjectionRule> injection) {

    /** The field an OAuth connection keeps its access token in. */
    public static final String TOKEN_FIELD = "token";

    public OAuthSpec {
        Objects.requireNonNull(authorizeUrl, "authorizeUrl");
        Objects.requireNonNull(tokenUrl, "tokenUrl");
        defaultScopes = List.copyOf(defaultScopes);
        injection = List.copyOf(injection);
    }
}
