package dev.keyway.connections.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Envelope operations under the master key: wrapping data keys and the key check that proves at
 * start, before anything is written, that the configured master key is the one this store uses.
 * Both bind the store id into the associated data, so wrapped keys cannot move between stores.
 */
public final class KeyWrap {

    private static final byte[] CHECK_PLAINTEXT = "keyway master key check v1".getBytes(StandardCharsets.US_ASCII);

    private KeyWrap() {
    }

    /** Seals the key check for a store. */
    public static byte[] keyCheck(MasterKey master, String storeId) {
        return AesGcm.seal(master.secretKey(), CHECK_PLAINTEXT, Aad.of("keyway/key-check/v1", storeId));
    }

    /**
     * Verifies a stored key check.
     *
     * @throws MasterKeyException naming the key's origin when it does not open this store
     */
    public static void verify(MasterKey master, String storeId, byte[] keyCheck) {
        try {
            byte[] plain = AesGcm.open(master.secretKey(), keyCheck, Aad.of("keyway/key-check/v1", storeId));
            if (!MessageDigest.isEqual(plain, CHECK_PLAINTEXT)) {
                throw new TamperedException("unexpected key check content");
            }
        } catch (TamperedException e) {
            throw new MasterKeyException("%s does not open this store (the stored key check does not match); "
                    + "nothing was changed. Use the master key this store was created with, or restore the "
                    + "matching key file from your backup", master.origin());
        }
    }

    /** Wraps a data key's raw bytes for storage. */
    public static byte[] wrap(MasterKey master, String storeId, int version, byte[] rawDataKey) {
        return AesGcm.seal(master.secretKey(), rawDataKey, aad(storeId, version));
    }

    /** Unwraps a stored data key. */
    public static DataKey unwrap(MasterKey master, String storeId, int version, byte[] wrapped) {
        byte[] raw = null;
        try {
            raw = AesGcm.open(master.secretKey(), wrapped, aad(storeId, version));
            return new DataKey(version, AesGcm.key256(raw));
        } catch (TamperedException | IllegalArgumentException e) {
            throw new MasterKeyException("data key v%d cannot be unwrapped with %s (tampered, or wrapped under "
                    + "another master key); restore the store from a backup", version, master.origin());
        } finally {
            Bytes.wipe(raw);
        }
    }

    private static byte[] aad(String storeId, int version) {
        return Aad.of("keyway/data-key/v1", storeId, Integer.toString(version));
    }
}
