package dev.keyway.connections.crypto;

import java.util.Arrays;
import javax.crypto.SecretKey;

/**
 * The 256-bit key that wraps the store's data keys, with a description of where it came from
 * (used in error messages) and, for a passphrase, the KDF salt it was derived with.
 * Call {@link #destroy()} once it is no longer needed.
 */
public final class MasterKey implements AutoCloseable {

    private final byte[] raw;
    private final SecretKey key;
    private final String origin;
    private final KdfParameters kdf;

    /**
     * @param raw    32 key bytes; copied, so the caller wipes its own array
     * @param origin where the key came from, e.g. "KEYWAY_MASTER_KEY"; never key material
     * @param kdf    the passphrase parameters, or null when the key was not derived
     */
    public MasterKey(byte[] raw, String origin, KdfParameters kdf) {
        this.raw = raw.clone();
        this.key = AesGcm.key256(this.raw);
        this.origin = origin;
        this.kdf = kdf;
    }

    /** Builds a key from {@code raw} and wipes {@code raw}, for sources that read or derive the bytes. */
    public static MasterKey consume(byte[] raw, String origin, KdfParameters kdf) {
        try {
            return new MasterKey(raw, origin, kdf);
        } finally {
            Bytes.wipe(raw);
        }
    }

    /** A fresh random master key, e.g. for a generated key file or a master key change. */
    public static MasterKey generate(String origin) {
        return consume(Bytes.random(AesGcm.KEY_BYTES), origin, null);
    }

    /** Where the key came from, for messages: "the master key from KEYWAY_MASTER_KEY". */
    public String origin() {
        return origin;
    }

    /** The passphrase parameters to store with the key check, or null for a raw key. */
    public KdfParameters kdf() {
        return kdf;
    }

    /** The key for {@link AesGcm}. */
    public SecretKey secretKey() {
        return key;
    }

    /** A copy of the raw bytes, for writing a key file; the caller wipes it. */
    public byte[] rawCopy() {
        return raw.clone();
    }

    /** Wipes the bytes this object owns (the JDK key spec keeps its own copy until collected). */
    public void destroy() {
        Arrays.fill(raw, (byte) 0);
    }

    @Override
    public void close() {
        destroy();
    }

    @Override
    public String toString() {
        return "MasterKey[" + origin + "]";
    }
}
