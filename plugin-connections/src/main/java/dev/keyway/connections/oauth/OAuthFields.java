package dev.keyway.connections.oauth;

import dev.keyway.api.Secret;
import dev.keyway.connections.providers.OAuthSpec;
import dev.keyway.connections.store.Credentials;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The credential fields of an OAuth connection, all encrypted with the rest: {@code token} (the
 * access token, which the provider's injection rules send), {@code refresh-token},
 * {@code client-id}/{@code client-secret} for a client credentials connection, and
 * {@code refresh-lease} while an engine is refreshing (see {@link RefreshLease}).
 */
final class OAuthFields {

    static final String TOKEN = OAuthSpec.TOKEN_FIELD;
    static final String REFRESH_TOKEN = "refresh-token";
    static final String CLIENT_ID = "client-id";
    static final String CLIENT_SECRET = "client-secret";
    static final String LEASE = "refresh-lease";

    private OAuthFields() {
    }

    /** Credentials from a fresh authorization. */
    static Credentials authorized(TokenResponse tokens, Instant now) {
        Map<String, Secret> fields = new LinkedHashMap<>();
        fields.put(TOKEN, tokens.accessToken());
        if (tokens.refreshToken() != null) {
            fields.put(REFRESH_TOKEN, tokens.refreshToken());
        }
        return new Credentials(fields, tokens.expiresAt(now));
    }

    /**
     * Credentials after a refresh or a new client credentials token: the new access token, the
     * rotated refresh token or else the old one (providers that do not rotate send none), the
     * client's own id and secret, and no lease.
     */
    static Credentials renewed(Credentials current, TokenResponse tokens, Instant now) {
        Map<String, Secret> fields = new LinkedHashMap<>();
        current.fields().forEach((name, value) -> {
            if (!name.equals(LEASE)) {
                fields.put(name, value.derive(v -> v));
            }
        });
        fields.put(TOKEN, tokens.accessToken());
        if (tokens.refreshToken() != null) {
            fields.put(REFRESH_TOKEN, tokens.refreshToken());
        }
        return new Credentials(fields, tokens.expiresAt(now));
    }

    /** The same credentials with {@code field} set (or removed when {@code value} is null). */
    static Credentials with(Credentials current, String field, Secret value) {
        Map<String, Secret> fields = new LinkedHashMap<>();
        current.fields().forEach((name, v) -> fields.put(name, v.derive(s -> s)));
        if (value == null) {
            fields.remove(field);
        } else {
            fields.put(field, value);
        }
        return new Credentials(fields, current.expiresAt());
    }

    static boolean isClientCredentials(Credentials credentials) {
        return credentials.fields().containsKey(CLIENT_SECRET);
    }
}
