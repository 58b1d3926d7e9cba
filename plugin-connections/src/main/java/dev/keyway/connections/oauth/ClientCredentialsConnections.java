package dev.keyway.connections.oauth;

import dev.keyway.api.Principal;
import dev.keyway.api.Secret;
import dev.keyway.connections.ConnectionType;
import dev.keyway.connections.providers.Provider;
import dev.keyway.connections.store.Connection;
import dev.keyway.connections.store.ConnectionStatus;
import dev.keyway.connections.store.ConnectionStore;
import dev.keyway.connections.store.Credentials;
import dev.keyway.connections.store.InvalidRequestException;
import dev.keyway.connections.store.NewConnection;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Creates machine-to-machine OAuth connections (RFC 6749 section 4.4). The connection holds its
 * own client id and secret; a first token is fetched at once, which also proves them, and
 * {@link TokenRefresher} fetches a new one whenever it expires or a provider answers 401.
 */
public final class ClientCredentialsConnections {

    private final ConnectionStore store;
    private final OAuthClients clients;
    private final TokenEndpoint endpoint;
    private final Clock clock;

    ClientCredentialsConnections(ConnectionStore store, OAuthClients clients, TokenEndpoint endpoint, Clock clock) {
        this.store = store;
        this.clients = clients;
        this.endpoint = endpoint;
        this.clock = clock;
    }

    /**
     * @throws InvalidRequestException when the provider has no OAuth or refuses the client
     * @throws OAuthException          when the provider cannot be reached (nothing is saved)
     */
    public Connection create(Principal owner, ClientCredentialsRequest request) {
        if (request.clientId() == null || request.clientId().isBlank() || request.clientSecret() == null) {
            throw new InvalidRequestException("clientId and clientSecret are required");
        }
        Provider provider = clients.provider(request.provider());
        OAuthClient client = clients.own(provider.id(), request.baseUrl(), request.clientId(), request.clientSecret());
        TokenResponse tokens;
        try {
            tokens = endpoint.clientCredentials(client, request.scopes());
        } catch (OAuthException e) {
            if (e.isPermanent()) {
                throw new InvalidRequestException("%s refused these client credentials (%s); check the client id, "
                        + "the secret and the scopes. Nothing was saved", provider.id(), e.error());
            }
            throw e;
        }
        Map<String, Secret> fields = new LinkedHashMap<>();
        fields.put(OAuthFields.CLIENT_ID, Secret.of(request.clientId()));
        fields.put(OAuthFields.CLIENT_SECRET, request.clientSecret());
        fields.put(OAuthFields.TOKEN, tokens.accessToken());
        List<String> scopes = tokens.scopes() != null ? tokens.scopes() : request.scopes();
        String name = request.displayName() != null && !request.displayName().isBlank() ? request.displayName()
                : provider.displayName() + " (client " + request.clientId() + ")";
        try (Credentials credentials = new Credentials(fields, tokens.expiresAt(clock.instant()))) {
            return store.create(owner, NewConnection.builder(provider.id(), ConnectionType.OAUTH,
                            request.environment(), credentials)
                    .displayName(name)
                    .scopes(scopes)
                    .baseUrl(request.baseUrl())
                    .status(ConnectionStatus.active(clock.instant()))
                    .build());
        }
    }
}
