package dev.keyway.connections.oauth;

import dev.keyway.api.Secret;
import dev.keyway.connections.store.Credentials;
import java.time.Instant;

/**
 * A claim on a connection's next refresh, written into its (encrypted) credentials with the store's
 * compare-and-set before the token endpoint is called. Engines sharing a store see it and wait for
 * the holder's new tokens instead of refreshing too, so the provider sees one refresh per expiry
 * and a rotating refresh token is never spent twice. A crashed holder's lease simply runs out.
 *
 * @param engine the claiming engine's random id
 * @param until  when others may take over
 */
record RefreshLease(String engine, Instant until) {

    static RefreshLease of(Credentials credentials) {
        return credentials.field(OAuthFields.LEASE).map(secret -> {
            String text = secret.reveal();
            int at = text.lastIndexOf('@');
            try {
                return new RefreshLease(text.substring(0, at), Instant.ofEpochMilli(Long.parseLong(text.substring(at + 1))));
            } catch (RuntimeException e) {
                return null; // An unreadable lease claims nothing.
            }
        }).orElse(null);
    }

    boolean blocks(String me, Instant now) {
        return !engine.equals(me) && until.isAfter(now);
    }

    Secret encode() {
        return Secret.of(engine + "@" + until.toEpochMilli());
    }
}
