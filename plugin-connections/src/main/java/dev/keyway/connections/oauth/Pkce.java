package dev.keyway.connections.oauth;

import dev.keyway.api.Secret;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A PKCE pair (RFC 7636) with the S256 method: the verifier stays with the engine until the code
 * exchange; only its SHA-256 challenge travels through the browser.
 *
 * @param verifier  43 URL-safe characters from 32 random bytes
 * @param challenge BASE64URL(SHA-256(verifier)), without padding
 */
record Pkce(Secret verifier, String challenge) {

    static final String METHOD = "S256";
    private static final SecureRandom RANDOM = new SecureRandom();

    static Pkce generate() {
        Secret verifier = Secret.of(randomToken());
        return new Pkce(verifier, challengeOf(verifier.reveal()));
    }

    static String challengeOf(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    /** 256 random bits, URL-safe: used for verifiers and states alike. */
    static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
