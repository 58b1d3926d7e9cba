package dev.keyway.connections.oauth;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Authorizations awaiting their callback, by state. Kept in this engine's memory on purpose: the
 * PKCE verifier must never reach the database in any form, and a state lives ten minutes at most.
 * The callback must therefore come back to the engine that started the flow (sticky sessions
 * behind a load balancer); a restart simply asks people to start again.
 *
 * <p>Each state is single use: {@link #take} removes it whatever happens next.
 */
final class PendingAuthorizations {

    /** Bounds memory however many flows are started and abandoned. */
    private static final int MAX_PENDING = 10_000;

    private final ConcurrentMap<String, PendingAuthorization> byState = new ConcurrentHashMap<>();
    private final Clock clock;

    PendingAuthorizations(Clock clock) {
        this.clock = clock;
    }

    /** Files a pending authorization and returns its fresh random state. */
    String add(PendingAuthorization pending) {
        purgeExpired();
        if (byState.size() >= MAX_PENDING) {
            throw new dev.keyway.api.ApiException(503, "too_many_authorizations", "too many OAuth authorizations "
                    + "are in progress; finish or abandon some and retry in a few minutes");
        }
        String state = Pkce.randomToken();
        byState.put(state, pending);
        return state;
    }

    /** The pending authorization for {@code state}, removed; empty when unknown, used or expired. */
    Optional<PendingAuthorization> take(String state) {
        if (state == null) {
            return Optional.empty();
        }
        PendingAuthorization pending = byState.remove(state);
        if (pending == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(pending.expiresAt())) {
            pending.verifier().destroy();
            return Optional.empty();
        }
        return Optional.of(pending);
    }

    private void purgeExpired() {
        Instant now = clock.instant();
        byState.entrySet().removeIf(entry -> {
            boolean expired = !now.isBefore(entry.getValue().expiresAt());
            if (expired) {
                entry.getValue().verifier().destroy();
            }
            return expired;
        });
    }
}
