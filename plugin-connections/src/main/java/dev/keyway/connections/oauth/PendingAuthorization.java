package dev.keyway.connections.oauth;

import dev.keyway.api.Principal;
import dev.keyway.api.Secret;
import java.time.Instant;
import java.util.List;

/**
 * An authorization that was started and awaits its callback.
 *
 * @param owner        who started it; the connection will be theirs
 * @param provider     catalogue id
 * @param displayName  label for the new connection, or null for the provider's name
 * @param environment  the environment the connection will serve
 * @param scopes       the scopes asked for
 * @param baseUrl      the instance's base URL (self-hosted providers), or null
 * @param redirectUri  the callback URL sent with the authorization request (the exchange repeats it)
 * @param returnTo     a same-origin location to send the browser back to, or null for a page
 * @param verifier     the PKCE code verifier
 * @param reconnectId  the connection whose tokens are replaced, or null to create one
 * @param expiresAt    after this the state is refused
 */
record PendingAuthorization(Principal owner, String provider, String displayName, String environment,
                            List<String> scopes, String baseUrl, String redirectUri, String returnTo, Secret verifier,
                            String reconnectId, Instant expiresAt) {

    PendingAuthorization {
        scopes = List.copyOf(scopes);
    }
}
