package dev.keyway.connections.crypto;

import java.security.GeneralSecurityException;
import java.security.NoSuchAlgorithmException;
import java.security.NoSuchProviderException;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.NoSuchPaddingException;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-GCM through the JDK's own provider, with a 96-bit nonce and a 128-bit tag only.
 *
 * <p>{@link #seal} draws a fresh random nonce for every call and returns one self-describing
 * blob: {@code [format 0x01][nonce 12][ciphertext][tag 16]}. {@link #open} reverses it and turns
 * every failure (short blob, unknown format, wrong key, wrong associated data, flipped byte) into
 * a {@link TamperedException}, never garbage plaintext. Other nonce or tag sizes are refused by
 * design: long or short IVs go through GHASH and have a history of subtle bugs.
 *
 * <p>Ciphers are cached per thread because {@code Cipher.getInstance} dominates the cost of
 * decrypting a small credential; a cached instance is re-initialised for every operation.
 */
public final class AesGcm {

    /** Nonce length in bytes (96 bits). */
    public static final int NONCE_BYTES = 12;
    /** Tag length in bytes (128 bits). */
    public static final int TAG_BYTES = 16;
    /** Key length the store uses (AES-256). */
    public static final int KEY_BYTES = 32;

    private static final byte FORMAT_V1 = 0x01;
    private static final int HEADER_BYTES = 1 + NONCE_BYTES;
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final ThreadLocal<Cipher> CIPHERS = ThreadLocal.withInitial(AesGcm::newCipher);

    private AesGcm() {
    }

    /** Wraps 32 raw bytes as an AES-256 key; the caller still owns (and should wipe) {@code raw}. */
    public static SecretKey key256(byte[] raw) {
        if (raw == null || raw.length != KEY_BYTES) {
            throw new IllegalArgumentException("an AES-256 key needs exactly 32 bytes, got "
                    + (raw == null ? "none" : raw.length));
        }
        return new SecretKeySpec(raw, "AES");
    }

    /** Encrypts with a fresh random nonce; returns {@code [0x01][nonce][ciphertext][tag]}. */
    public static byte[] seal(SecretKey key, byte[] plaintext, byte[] aad) {
        byte[] nonce = Bytes.random(NONCE_BYTES);
        try {
            Cipher cipher = CIPHERS.get();
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BYTES * 8, nonce));
            cipher.updateAAD(aad);
            byte[] out = new byte[HEADER_BYTES + cipher.getOutputSize(plaintext.length)];
            out[0] = FORMAT_V1;
            System.arraycopy(nonce, 0, out, 1, NONCE_BYTES);
            int written = cipher.doFinal(plaintext, 0, plaintext.length, out, HEADER_BYTES);
            return written + HEADER_BYTES == out.length ? out : Arrays.copyOf(out, written + HEADER_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed: " + e.getClass().getSimpleName(), e);
        }
    }

    /**
     * Decrypts a blob made by {@link #seal}.
     *
     * @throws TamperedException if the blob is malformed or fails authentication
     */
    public static byte[] open(SecretKey key, byte[] sealed, byte[] aad) {
        if (sealed == null || sealed.length < HEADER_BYTES + TAG_BYTES || sealed[0] != FORMAT_V1) {
            throw new TamperedException("ciphertext is malformed (length or format byte)");
        }
        try {
            Cipher cipher = CIPHERS.get();
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BYTES * 8, sealed, 1, NONCE_BYTES));
            cipher.updateAAD(aad);
            return cipher.doFinal(sealed, HEADER_BYTES, sealed.length - HEADER_BYTES);
        } catch (AEADBadTagException e) {
            throw new TamperedException(e, "ciphertext failed authentication");
        } catch (GeneralSecurityException e) {
            throw new TamperedException(e, "ciphertext could not be decrypted (%s)", e.getClass().getSimpleName());
        }
    }

    /**
     * Low level: encrypts with a caller-chosen nonce. Only for known-answer tests; production code
     * uses {@link #seal}, which never reuses a nonce. Accepts AES-128/192/256 keys.
     *
     * @return ciphertext followed by the 16-byte tag
     */
    static byte[] encrypt(byte[] key, byte[] nonce, byte[] plaintext, byte[] aad) {
        checkKeyAndNonce(key, nonce);
        try {
            // A fresh instance: the JDK refuses to re-init a cached cipher with the same key and nonce.
            Cipher cipher = newCipher();
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BYTES * 8, nonce));
            cipher.updateAAD(aad);
            return cipher.doFinal(plaintext);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed: " + e.getClass().getSimpleName(), e);
        }
    }

    /**
     * Low level: decrypts {@code ciphertext} with a separate {@code tag}.
     *
     * @throws IllegalArgumentException for a key, nonce or tag of a size this wrapper refuses
     * @throws TamperedException        if authentication fails
     */
    static byte[] decrypt(byte[] key, byte[] nonce, byte[] ciphertext, byte[] tag, byte[] aad) {
        checkKeyAndNonce(key, nonce);
        if (tag == null || tag.length != TAG_BYTES) {
            throw new IllegalArgumentException("AES-GCM tag must be 16 bytes, got "
                    + (tag == null ? "none" : tag.length));
        }
        byte[] joined = Arrays.copyOf(ciphertext, ciphertext.length + TAG_BYTES);
        System.arraycopy(tag, 0, joined, ciphertext.length, TAG_BYTES);
        try {
            Cipher cipher = CIPHERS.get();
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BYTES * 8, nonce));
            cipher.updateAAD(aad);
            return cipher.doFinal(joined);
        } catch (AEADBadTagException e) {
            throw new TamperedException(e, "ciphertext failed authentication");
        } catch (GeneralSecurityException e) {
            throw new TamperedException(e, "ciphertext could not be decrypted (%s)", e.getClass().getSimpleName());
        }
    }

    private static void checkKeyAndNonce(byte[] key, byte[] nonce) {
        if (key == null || (key.length != 16 && key.length != 24 && key.length != 32)) {
            throw new IllegalArgumentException("AES key must be 16, 24 or 32 bytes, got "
                    + (key == null ? "none" : key.length));
        }
        if (nonce == null || nonce.length != NONCE_BYTES) {
            throw new IllegalArgumentException("AES-GCM nonce must be 12 bytes, got "
                    + (nonce == null ? "none" : nonce.length));
        }
    }

    private static Cipher newCipher() {
        try {
            // Prefer the JDK's provider even if a host registered another one (e.g. BouncyCastle) first.
            return Cipher.getInstance(TRANSFORMATION, "SunJCE");
        } catch (NoSuchProviderException | NoSuchAlgorithmException | NoSuchPaddingException notSun) {
            try {
                return Cipher.getInstance(TRANSFORMATION);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("this JVM offers no AES/GCM/NoPadding cipher", e);
            }
        }
    }
}
