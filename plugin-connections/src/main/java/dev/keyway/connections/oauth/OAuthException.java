package dev.keyway.connections.oauth;

import dev.keyway.api.KeywayException;

/**
 * A provider's token endpoint refused a request or could not be reached. The message is written for
 * people and never holds a token, code or client secret.
 */
public final class OAuthException extends KeywayException {

    private static final long serialVersionUID = 1L;

    /** RFC 6749 section 5.2 errors that no retry will cure: only a new authorization helps. */
    private static final java.util.Set<String> PERMANENT = java.util.Set.of("invalid_grant", "invalid_client",
            "unauthorized_client", "unsupported_grant_type", "invalid_scope");

    private final String error;

    /**
     * @param error the OAuth error code ({@code invalid_grant}), or {@code unreachable} / {@code bad_response}
     */
    public OAuthException(String error, String format, Object... args) {
        super(format, args);
        this.error = error;
    }

    public String error() {
        return error;
    }

    /** Whether the grant itself is gone (revoked, expired, rotated away) rather than the provider being down. */
    public boolean isPermanent() {
        return PERMANENT.contains(error);
    }
}
