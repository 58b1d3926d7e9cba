package dev.keyway.connections.oauth;

import dev.keyway.api.HostContext;
import dev.keyway.connections.http.SafeHttpClient;
import dev.keyway.connections.providers.ProviderCatalogue;
import dev.keyway.connections.store.ConnectionStore;

/**
 * The OAuth parts the plugin runs on, built once at start over its store and HTTP client.
 *
 * @param flow authorization code with PKCE, and reconnect
 */
public record OAuthServices(AuthorizationFlow flow) {

    public static OAuthServices create(HostContext host, ConnectionStore store, ProviderCatalogue catalogue,
                                       SafeHttpClient http) {
        OAuthClients clients = new OAuthClients(catalogue, host::setting);
        TokenEndpoint endpoint = new TokenEndpoint(http);
        AuthorizationFlow flow = new AuthorizationFlow(store, clients, endpoint,
                new PendingAuthorizations(host.clock()), new AccountLookup(clients, http), host.clock());
        return new OAuthServices(flow);
    }
}
