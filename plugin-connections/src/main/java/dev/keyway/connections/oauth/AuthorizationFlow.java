package dev.keyway.connections.oauth;

import dev.keyway.api.Principal;
import dev.keyway.api.Secret;
import dev.keyway.connections.ConnectionType;
import dev.keyway.connections.providers.Provider;
import dev.keyway.connections.store.Connection;
import dev.keyway.connections.store.ConnectionNotFoundException;
import dev.keyway.connections.store.ConnectionStatus;
import dev.keyway.connections.store.ConnectionStore;
import dev.keyway.connections.store.ConnectionUpdate;
import dev.keyway.connections.store.Credentials;
import dev.keyway.connections.store.InvalidRequestException;
import dev.keyway.connections.store.NewConnection;
import dev.keyway.connections.store.ResolvedConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The authorization code flow with PKCE (RFC 6749 section 4.1, RFC 7636): {@link #start} files a
 * single-use state and builds the provider's authorization URL; {@link #complete} checks the state,
 * exchanges the code and stores the tokens as a new connection, or in place of an existing
 * connection's tokens for a {@link #reconnect}. Nothing is written unless the exchange succeeded.
 */
public final class AuthorizationFlow {

    /** How long a started authorization waits for its callback. */
    static final Duration STATE_LIFETIME = Duration.ofMinutes(10);
    private static final Pattern ERROR_CODE = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    private final ConnectionStore store;
    private final OAuthClients clients;
    private final TokenEndpoint endpoint;
    private final PendingAuthorizations pending;
    private final AccountLookup accounts;
    private final Clock clock;

    AuthorizationFlow(ConnectionStore store, OAuthClients clients, TokenEndpoint endpoint,
                      PendingAuthorizations pending, AccountLookup accounts, Clock clock) {
        this.store = store;
        this.clients = clients;
        this.endpoint = endpoint;
        this.pending = pending;
        this.accounts = accounts;
        this.clock = clock;
    }

    /**
     * Starts connecting {@code request.provider()} for {@code owner}.
     *
     * @param callbackUrl this engine's callback URL, registered with the provider
     * @return the provider's authorization URL to send the browser to
     * @throws InvalidRequestException when the provider has no OAuth, is not configured, or returnTo is foreign
     */
    public URI start(Principal owner, StartRequest request, String callbackUrl) {
        Provider provider = clients.provider(request.provider());
        String returnTo = ReturnTo.check(request.returnTo(), callbackUrl);
        OAuthClient client = clients.registered(provider.id(), request.baseUrl());
        List<String> scopes = request.scopes().isEmpty() ? client.defaultScopes() : request.scopes();
        return authorize(client, new Plan(owner, provider.id(), request.displayName(), request.environment(), scopes,
                request.baseUrl(), callbackUrl, returnTo, null));
    }

    /**
     * Starts a new authorization for an existing OAuth connection; its tokens are replaced in place
     * (same id, patterns untouched) when it completes.
     */
    public URI reconnect(Principal owner, String connectionId, String returnTo, String callbackUrl) {
        Connection connection = store.get(connectionId, owner).filter(c -> c.isOwnedBy(owner.user()))
                .orElseThrow(() -> new ConnectionNotFoundException(connectionId, owner.user(), "any environment"));
        if (connection.type() != ConnectionType.OAUTH) {
            throw new InvalidRequestException("connection %s is a %s connection; only OAuth connections are "
                    + "reconnected, update its credentials instead", connectionId, connection.type().id());
        }
        try (ResolvedConnection resolved = store.resolve(connectionId, owner, connection.environment())) {
            if (OAuthFields.isClientCredentials(resolved.credentials())) {
                throw new InvalidRequestException("connection %s uses the client credentials grant: it needs no "
                        + "person to authorize it; create a new one if its client secret changed", connectionId);
            }
        }
        String checked = ReturnTo.check(returnTo, callbackUrl);
        OAuthClient client = clients.registered(connection.provider(), connection.baseUrl());
        List<String> scopes = connection.scopes().isEmpty() ? client.defaultScopes() : connection.scopes();
        return authorize(client, new Plan(owner, connection.provider(), null, connection.environment(), scopes,
                connection.baseUrl(), callbackUrl, checked, connectionId));
    }

    private record Plan(Principal owner, String provider, String displayName, String environment,
                        List<String> scopes, String baseUrl, String callbackUrl, String returnTo, String reconnectId) {
    }

    private URI authorize(OAuthClient client, Plan plan) {
        if (client.authorizeUrl() == null) {
            throw new InvalidRequestException("provider %s has no authorization URL; set %s%s.authorize-url",
                    client.provider(), OAuthClients.PREFIX, client.provider());
        }
        Pkce pkce = Pkce.generate();
        String state = pending.add(new PendingAuthorization(plan.owner(), plan.provider(), plan.displayName(),
                plan.environment(), plan.scopes(), plan.baseUrl(), plan.callbackUrl(), plan.returnTo(),
                pkce.verifier(), plan.reconnectId(), clock.instant().plus(STATE_LIFETIME)));
        String base = client.authorizeUrl().toString();
        StringBuilder url = new StringBuilder(base).append(base.contains("?") ? '&' : '?');
        url.append("response_type=code");
        param(url, "client_id", client.clientId());
        param(url, "redirect_uri", plan.callbackUrl());
        if (!plan.scopes().isEmpty()) {
            param(url, "scope", String.join(" ", plan.scopes()));
        }
        param(url, "state", state);
        param(url, "code_challenge", pkce.challenge());
        param(url, "code_challenge_method", Pkce.METHOD);
        return URI.create(url.toString());
    }

    private static void param(StringBuilder url, String name, String value) {
        url.append('&').append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8)
                .replace("+", "%20"));
    }

    /**
     * Finishes an authorization from the provider's callback parameters.
     *
     * @param state the state the provider echoed
     * @param code  the authorization code, or null
     * @param error the provider's error code (e.g. {@code access_denied}), or null
     */
    public CallbackResult complete(String state, String code, String error) {
        PendingAuthorization started = pending.take(state).orElse(null);
        if (started == null) {
            return failure(null, "invalid_state", "This authorization is unknown, expired (after "
                    + STATE_LIFETIME.toMinutes() + " minutes) or was already completed. Nothing was saved; start "
                    + "connecting again.", null);
        }
        Secret authorizationCode = code == null || code.isBlank() ? null : Secret.of(code);
        try {
            if (error != null && !error.isBlank()) {
                String shown = ERROR_CODE.matcher(error).matches() ? error : "error";
                return failure(started.provider(), shown, "access_denied".equals(shown)
                        ? "Access was not granted at " + started.provider() + ". Nothing was saved; start connecting "
                                + "again to retry."
                        : "The provider ended the authorization with '" + shown + "'. Nothing was saved; start "
                                + "connecting again, and check the OAuth app's settings if it happens again.",
                        started.returnTo());
            }
            if (authorizationCode == null) {
                return failure(started.provider(), "invalid_request", "The provider came back without an "
                        + "authorization code. Nothing was saved; start connecting again.", started.returnTo());
            }
            return exchange(started, authorizationCode);
        } finally {
            started.verifier().destroy();
            if (authorizationCode != null) {
                authorizationCode.destroy();
            }
        }
    }

    private CallbackResult exchange(PendingAuthorization started, Secret code) {
        TokenResponse tokens;
        try {
            OAuthClient client = clients.registered(started.provider(), started.baseUrl());
            tokens = endpoint.exchangeCode(client, code, started.redirectUri(), started.verifier());
        } catch (OAuthException | InvalidRequestException e) {
            return failure(started.provider(), e instanceof OAuthException o ? o.error() : "not_configured",
                    "The authorization could not be completed: " + e.getMessage() + ". Nothing was saved; start "
                            + "connecting again.", started.returnTo());
        }
        String found = tokens.account() != null ? tokens.account()
                : accounts.find(started.provider(), started.baseUrl(), tokens.accessToken()).orElse(null);
        String account = found == null ? null : found.replaceAll("\\p{Cntrl}", "").strip();
        List<String> scopes = tokens.scopes() != null ? tokens.scopes() : started.scopes();
        try (Credentials credentials = OAuthFields.authorized(tokens, clock.instant())) {
            Connection saved = started.reconnectId() != null
                    ? replaceTokens(started, credentials, scopes)
                    : store.create(started.owner(), newConnection(started, credentials, scopes, account));
            return new CallbackResult(saved.id(), started.provider(), account, null, started.reconnectId() != null
                    ? "Reconnected: " + saved.displayName() + " works again under the same id."
                    : "Connected: " + saved.displayName() + " is ready to use.", started.returnTo());
        } catch (ConnectionNotFoundException e) {
            return failure(started.provider(), "connection_gone", "The connection was deleted while it was being "
                    + "reconnected. Nothing was saved; connect the provider again.", started.returnTo());
        }
    }

    private Connection replaceTokens(PendingAuthorization started, Credentials credentials, List<String> scopes) {
        return store.update(started.reconnectId(), started.owner(), ConnectionUpdate.none()
                .withCredentials(credentials)
                .withScopes(scopes)
                .withStatus(ConnectionStatus.active(clock.instant())));
    }

    private NewConnection newConnection(PendingAuthorization started, Credentials credentials, List<String> scopes,
                                        String account) {
        Provider provider = clients.provider(started.provider());
        String name = started.displayName() != null && !started.displayName().isBlank() ? started.displayName()
                : account != null ? provider.displayName() + " (" + account + ")" : provider.displayName();
        List<String> tags = new ArrayList<>();
        if (account != null) {
            tags.add("account:" + account);
        }
        return NewConnection.builder(provider.id(), ConnectionType.OAUTH, started.environment(), credentials)
                .displayName(name)
                .scopes(scopes)
                .tags(Set.copyOf(tags))
                .baseUrl(started.baseUrl())
                .status(ConnectionStatus.active(clock.instant()))
                .build();
    }

    private static CallbackResult failure(String provider, String error, String message, String returnTo) {
        return new CallbackResult(null, provider, null, error, message, returnTo);
    }
}
