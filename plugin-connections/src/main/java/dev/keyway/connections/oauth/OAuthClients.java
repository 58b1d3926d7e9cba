package dev.keyway.connections.oauth;

import dev.keyway.api.Secret;
import dev.keyway.connections.providers.OAuthSpec;
import dev.keyway.connections.providers.Provider;
import dev.keyway.connections.providers.ProviderCatalogue;
import dev.keyway.connections.providers.Template;
import dev.keyway.connections.store.Connection;
import dev.keyway.connections.store.Credentials;
import dev.keyway.connections.store.InvalidRequestException;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Builds a provider's {@link OAuthClient} from the host's settings over the catalogue:
 * {@code connections.oauth.<provider>.client-id} and {@code .client-secret} (required), and
 * {@code .authorize-url}, {@code .token-url}, {@code .revoke-url} to override the catalogue's
 * endpoints (a test or an on-premises instance). Catalogue endpoints written over {@code {base-url}}
 * are filled from the connection's base URL.
 */
public final class OAuthClients {

    static final String PREFIX = "connections.oauth.";

    private final ProviderCatalogue catalogue;
    private final Function<String, Optional<String>> settings;

    public OAuthClients(ProviderCatalogue catalogue, Function<String, Optional<String>> settings) {
        this.catalogue = catalogue;
        this.settings = settings;
    }

    /** The OAuth provider named {@code id}, or a clear refusal. */
    public Provider provider(String id) {
        Provider provider = catalogue.find(id == null ? "" : id).orElseThrow(() -> new InvalidRequestException(
                "unknown provider '%s'; see GET /api/providers for the list", id));
        if (provider.oauthIfAny().isEmpty()) {
            throw new InvalidRequestException("provider %s has no OAuth; create an %s connection instead",
                    provider.id(), provider.authKinds().get(0).id());
        }
        return provider;
    }

    /**
     * The engine's registration with {@code providerId} (authorization code and refresh).
     *
     * @param baseUrl the connection's base URL (self-hosted instances), or null for the provider's default
     * @throws InvalidRequestException naming the settings to add when the client is not configured
     */
    public OAuthClient registered(String providerId, String baseUrl) {
        Provider provider = provider(providerId);
        String id = setting(provider, "client-id").orElseThrow(() -> notConfigured(provider));
        Secret secret = setting(provider, "client-secret").map(Secret::of).orElseThrow(() -> notConfigured(provider));
        return endpoints(provider, baseUrl, id, secret);
    }

    /** A client whose id and secret the connection holds itself (the client credentials grant). */
    public OAuthClient own(String providerId, String baseUrl, String clientId, Secret clientSecret) {
        return endpoints(provider(providerId), baseUrl, clientId, clientSecret);
    }

    /** The client a stored connection uses: its own (client credentials) or the engine's registration. */
    OAuthClient forConnection(Connection connection, Credentials credentials) {
        if (OAuthFields.isClientCredentials(credentials)) {
            return own(connection.provider(), connection.baseUrl(),
                    credentials.field(OAuthFields.CLIENT_ID).map(Secret::reveal).orElse(""),
                    credentials.field(OAuthFields.CLIENT_SECRET).orElseThrow());
        }
        return registered(connection.provider(), connection.baseUrl());
    }

    private OAuthClient endpoints(Provider provider, String baseUrl, String clientId, Secret secret) {
        OAuthSpec spec = provider.oauthIfAny().orElseThrow();
        Map<String, Secret> values = new HashMap<>();
        String base = baseUrl != null ? baseUrl : provider.field("base-url").map(f -> f.defaultValue()).orElse(null);
        if (base != null) {
            values.put("base-url", Secret.of(base));
        }
        URI authorize = url(provider, "authorize-url", spec.authorizeUrl(), values);
        URI token = url(provider, "token-url", spec.tokenUrl(), values);
        URI revoke = url(provider, "revoke-url", spec.revokeUrl(), values);
        return new OAuthClient(provider.id(), clientId, secret, authorize, token, revoke, spec.defaultScopes());
    }

    private URI url(Provider provider, String key, String catalogued, Map<String, Secret> values) {
        Optional<String> override = setting(provider, key);
        if (override.isPresent()) {
            return URI.create(override.get());
        }
        if (catalogued == null) {
            return null;
        }
        try {
            return URI.create(provider.fillSettings(Template.parse(catalogued), values));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("the %s OAuth endpoint of %s depends on a setting this connection "
                    + "lacks (%s); give a baseUrl or set %s%s.%s", key, provider.id(), catalogued, PREFIX,
                    provider.id(), key);
        }
    }

    private Optional<String> setting(Provider provider, String key) {
        return settings.apply(PREFIX + provider.id() + "." + key).map(String::strip).filter(v -> !v.isEmpty());
    }

    private static InvalidRequestException notConfigured(Provider provider) {
        return new InvalidRequestException("OAuth with %s is not configured on this engine; register an OAuth app "
                + "with %s and set %s%s.client-id and %s%s.client-secret", provider.id(), provider.displayName(),
                PREFIX, provider.id(), PREFIX, provider.id());
    }
}
