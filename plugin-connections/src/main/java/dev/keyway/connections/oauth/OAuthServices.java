package dev.keyway.connections.oauth;

import dev.keyway.api.HostContext;
import dev.keyway.connections.http.SafeHttpClient;
import dev.keyway.connections.providers.ProviderCatalogue;
import dev.keyway.connections.store.ConnectionStore;
import java.time.Duration;

/**
 * The OAuth parts the plugin runs on, built once at start over its store and HTTP client.
 *
 * @param flow      authorization code with PKCE, and reconnect
 * @param refresher token renewal, one at a time per connection
 * @param machines  client credentials connections
 * @param revoker   revocation before a delete
 */
public record OAuthServices(AuthorizationFlow flow, TokenRefresher refresher, ClientCredentialsConnections machines,
                            TokenRevoker revoker) {

    /** Setting: seconds before expiry at which a token is refreshed (default 60). */
    public static final String SETTING_REFRESH_MARGIN = OAuthClients.PREFIX + "refresh-margin-seconds";

    public static OAuthServices create(HostContext host, ConnectionStore store, ProviderCatalogue catalogue,
                                       SafeHttpClient http) {
        OAuthClients clients = new OAuthClients(catalogue, host::setting);
        TokenEndpoint endpoint = new TokenEndpoint(http);
        AuthorizationFlow flow = new AuthorizationFlow(store, clients, endpoint,
                new PendingAuthorizations(host.clock()), new AccountLookup(clients, http), host.clock());
        TokenRefresher refresher = new TokenRefresher(store, clients, endpoint, host.clock(), margin(host));
        return new OAuthServices(flow, refresher,
                new ClientCredentialsConnections(store, clients, endpoint, host.clock()),
                new TokenRevoker(store, clients, endpoint));
    }

    private static Duration margin(HostContext host) {
        String value = host.setting(SETTING_REFRESH_MARGIN).orElse("60").strip();
        try {
            long seconds = Long.parseLong(value);
            if (seconds >= 0) {
                return Duration.ofSeconds(seconds);
            }
        } catch (NumberFormatException e) {
            // Reported below.
        }
        throw new IllegalArgumentException(SETTING_REFRESH_MARGIN + " must be a whole number of seconds, not '"
                + value + "'");
    }
}
