package dev.keyway.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * An opaque piece of credential material.
 *
 * <p>{@code toString()} always returns {@link #MASK}; hosts render a secret as the mask wherever
 * they serialise values. Only code that must send the credential calls {@link #reveal()}, and
 * should do so as late as possible. Anything built from a secret (a header, a filled template)
 * should be built with {@link #derive} so it stays a secret.
 *
 * <p>The plaintext is held in a char array that {@link #destroy()} overwrites; the engine destroys
 * the secrets of an execution when it ends. Strings handed out by {@code reveal()} cannot be
 * wiped, which is why callers keep them short-lived.
 */
public final class Secret {

    /** What a secret looks like wherever it is shown. */
    public static final String MASK = "*****";

    private final char[] value;
    private volatile boolean destroyed;

    private Secret(char[] value) {
        this.value = value;
    }

    /**
     * Wraps plaintext credential material.
     *
     * @throws IllegalArgumentException if {@code plaintext} is null or empty
     */
    public static Secret of(String plaintext) {
        if (plaintext == null || plaintext.isEmpty()) {
            throw new IllegalArgumentException("a secret needs a non-empty value");
        }
        return new Secret(plaintext.toCharArray());
    }

    /** Wraps UTF-8 bytes as a secret; the caller should wipe its own array afterwards. */
    public static Secret ofUtf8(byte[] plaintext) {
        Objects.requireNonNull(plaintext, "plaintext");
        return of(new String(plaintext, StandardCharsets.UTF_8));
    }

    /**
     * Returns the plaintext. Call only where the credential must leave the process (an HTTP
     * header, a signature) and drop the result at once.
     *
     * @throws IllegalStateException if the secret was destroyed
     */
    public String reveal() {
        if (destroyed) {
            throw new IllegalStateException("this secret was destroyed when its execution ended");
        }
        return new String(value);
    }

    /** A new secret computed from this one's plaintext, e.g. {@code s.derive(t -> "Bearer " + t)}. */
    public Secret derive(UnaryOperator<String> function) {
        return Secret.of(function.apply(reveal()));
    }

    /** Length of the plaintext in chars; safe to show. */
    public int length() {
        return value.length;
    }

    /** Overwrites the plaintext. Idempotent. */
    public void destroy() {
        destroyed = true;
        Arrays.fill(value, '\0');
    }

    public boolean isDestroyed() {
        return destroyed;
    }

    /** Constant-time comparison of plaintexts. */
    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof Secret that) || destroyed || that.destroyed) {
            return false;
        }
        return MessageDigest.isEqual(
                new String(value).getBytes(StandardCharsets.UTF_8),
                new String(that.value).getBytes(StandardCharsets.UTF_8));
    }

    /** Deliberately constant: a hash of the plaintext would leak a little of it. */
    @Override
    public int hashCode() {
        return 0x5ec4e7;
    }

    @Override
    public String toString() {
        return MASK;
    }
}
