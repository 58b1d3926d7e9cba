package dev.keyway.connections.oauth;

import dev.keyway.api.NodeException;
import dev.keyway.api.Principal;
import dev.keyway.api.Secret;
import dev.keyway.connections.store.ConcurrentUpdateException;
import dev.keyway.connections.store.Connection;
import dev.keyway.connections.store.ConnectionStatus;
import dev.keyway.connections.store.ConnectionStore;
import dev.keyway.connections.store.Credentials;
import dev.keyway.connections.store.InvalidRequestException;
import dev.keyway.connections.store.ResolvedConnection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renews an OAuth connection's access token, one refresh at a time per connection:
 * <ul>
 *   <li>in this JVM, callers that need the same connection wait for the one refresh in flight
 *       and share its outcome (success or failure);</li>
 *   <li>across engines sharing the store, the refresher first claims a {@link RefreshLease} with
 *       the store's compare-and-set on the row version; an engine that finds another's lease waits
 *       for its tokens; whoever loses a compare-and-set re-reads the row and uses what is there.</li>
 * </ul>
 * A refused grant ({@code invalid_grant}) is final only if the row did not change meanwhile (another
 * engine may just have rotated the refresh token); it then marks the connection
 * {@code not_active}/{@value #NEEDS_REAUTH}, and every later use fails fast without asking the
 * provider again.
 */
public final class TokenRefresher {

    /** The status reason of a connection whose grant is gone; reconnect it. */
    public static final String NEEDS_REAUTH = "needs_reauth";

    private static final Logger LOG = LoggerFactory.getLogger(TokenRefresher.class);
    private static final Duration LEASE = Duration.ofSeconds(30);
    private static final long WAIT_MILLIS = 20;

    private final ConnectionStore store;
    private final OAuthClients clients;
    private final TokenEndpoint endpoint;
    private final Clock clock;
    private final Duration margin;
    private final String engine = Pkce.randomToken().substring(0, 12);
    private final ConcurrentMap<String, CompletableFuture<Void>> inFlight = new ConcurrentHashMap<>();

    /**
     * @param margin how long before expiry a token counts as expired (clocks drift, requests take time)
     */
    public TokenRefresher(ConnectionStore store, OAuthClients clients, TokenEndpoint endpoint, Clock clock,
                          Duration margin) {
        this.store = store;
        this.clients = clients;
        this.endpoint = endpoint;
        this.clock = clock;
        this.margin = margin;
    }

    /** Whether a connection's stored tokens need renewing before use (metadata only, no decrypt). */
    public boolean isExpiring(Connection connection) {
        Instant expires = connection.credentialsExpireAt();
        return expires != null && !expires.isAfter(clock.instant().plus(margin));
    }

    /** Fails fast for a connection whose grant is known to be gone. */
    public void checkUsable(Connection connection) {
        if (!connection.status().isActive() && NEEDS_REAUTH.equals(connection.status().reason())) {
            throw needsReauth(connection.id(), connection.provider());
        }
    }

    /** Renews the tokens if they (still) expire within the margin, or have none yet (client credentials). */
    public void refreshIfExpiring(String id, Principal principal, String environment) {
        once(id, principal, environment, row -> isExpiring(row.connection())
                || row.credentials().field(OAuthFields.TOKEN).isEmpty());
    }

    /** Renews the tokens after the provider rejected {@code rejected}, unless someone already replaced it. */
    public void refreshRejected(String id, Principal principal, String environment, Secret rejected) {
        once(id, principal, environment, row -> row.credentials().field(OAuthFields.TOKEN)
                .map(rejected::equals).orElse(true));
    }

    private void once(String id, Principal principal, String environment, Predicate<ResolvedConnection> stale) {
        CompletableFuture<Void> mine = new CompletableFuture<>();
        CompletableFuture<Void> running = inFlight.putIfAbsent(id, mine);
        if (running != null) {
            try {
                running.join();
                return;
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException cause ? cause : e;
            }
        }
        try {
            refresh(id, principal, environment, stale);
            mine.complete(null);
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(id, mine);
        }
    }

    private void refresh(String id, Principal principal, String environment, Predicate<ResolvedConnection> stale) {
        long giveUp = System.nanoTime() + LEASE.plusSeconds(15).toNanos();
        while (true) {
            if (System.nanoTime() > giveUp) {
                throw new NodeException("oauth_refresh_failed", "connection %s could not be refreshed: its row "
                        + "keeps changing under other engines; retry later", id);
            }
            Connection leased;
            Credentials current;
            try (ResolvedConnection row = store.resolve(id, principal, environment)) {
                checkUsable(row.connection());
                if (!stale.test(row)) {
                    return;
                }
                Instant now = clock.instant();
                RefreshLease lease = RefreshLease.of(row.credentials());
                if (lease != null && lease.blocks(engine, now)) {
                    waitOrGiveUp(giveUp, row.connection());
                    continue;
                }
                current = OAuthFields.with(row.credentials(), OAuthFields.LEASE,
                        new RefreshLease(engine, now.plus(LEASE)).encode());
                try {
                    leased = store.refreshCredentials(id, current, row.connection().rowVersion());
                } catch (ConcurrentUpdateException e) {
                    continue; // Someone else wrote first: look again at what they wrote.
                }
            }
            try {
                if (renew(leased, current)) {
                    return;
                }
            } finally {
                current.destroy();
            }
        }
    }

    /** Calls the provider under our lease; false when the row changed meanwhile and must be looked at again. */
    private boolean renew(Connection leased, Credentials current) {
        TokenResponse tokens;
        try {
            tokens = grant(leased, current);
        } catch (InvalidRequestException e) {
            release(leased, current);
            throw new NodeException(e, "oauth_not_configured", "connection %s cannot renew its token: %s",
                    leased.id(), e.getMessage());
        } catch (OAuthException e) {
            if (!e.isPermanent()) {
                release(leased, current);
                throw new NodeException(e, "oauth_refresh_failed", "connection %s could not renew its %s token: "
                        + "%s; nothing was changed, retry later", leased.id(), leased.provider(), e.getMessage());
            }
            // The grant looks gone; unless another engine just rotated it (the row moved on), it is.
            long version = store.get(leased.id(), new Principal(leased.owner(), leased.workspace()))
                    .map(Connection::rowVersion).orElse(leased.rowVersion());
            if (version != leased.rowVersion()) {
                return false;
            }
            store.recordStatus(leased.id(), ConnectionStatus.notActive(NEEDS_REAUTH, clock.instant()));
            LOG.warn("connection {}: {} refused to renew its token ({}); marked {} until it is reconnected",
                    leased.id(), leased.provider(), e.error(), NEEDS_REAUTH);
            throw needsReauth(leased.id(), leased.provider());
        }
        try (Credentials renewed = OAuthFields.renewed(current, tokens, clock.instant())) {
            store.refreshCredentials(leased.id(), renewed, leased.rowVersion());
            LOG.info("renewed the {} token of connection {} (expires {})", leased.provider(), leased.id(),
                    renewed.expiresAt() == null ? "when the provider says" : renewed.expiresAt());
            return true;
        } catch (ConcurrentUpdateException e) {
            return false; // Our lease was taken over (we were too slow) or the owner reconnected.
        }
    }

    private TokenResponse grant(Connection connection, Credentials credentials) {
        OAuthClient client = clients.forConnection(connection, credentials);
        if (OAuthFields.isClientCredentials(credentials)) {
            return endpoint.clientCredentials(client, connection.scopes());
        }
        Secret refreshToken = credentials.field(OAuthFields.REFRESH_TOKEN).orElseThrow(() -> new OAuthException(
                "invalid_grant", "the provider gave no refresh token"));
        return endpoint.refresh(client, refreshToken);
    }

    /** Gives the lease back after a temporary failure so another engine need not wait it out. */
    private void release(Connection leased, Credentials current) {
        try (Credentials unleased = OAuthFields.with(current, OAuthFields.LEASE, null)) {
            store.refreshCredentials(leased.id(), unleased, leased.rowVersion());
        } catch (RuntimeException e) {
            // The lease runs out by itself; nothing else to do.
        }
    }

    private void waitOrGiveUp(long giveUp, Connection connection) {
        if (System.nanoTime() > giveUp) {
            throw new NodeException("oauth_refresh_failed", "connection %s is being refreshed by another engine "
                    + "that does not finish; retry later", connection.id());
        }
        try {
            Thread.sleep(WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NodeException("timeout", "interrupted while waiting for connection %s to be refreshed",
                    connection.id());
        }
    }

    static NodeException needsReauth(String id, String provider) {
        return new NodeException(NEEDS_REAUTH, "connection %s needs to be authorized again: %s refused to renew its "
                + "token (the grant was revoked or expired). Reconnect it with POST /api/connections/%s/reconnect "
                + "(Reconnect on the Connections page); patterns using it keep its id", id, provider, id);
    }
}
