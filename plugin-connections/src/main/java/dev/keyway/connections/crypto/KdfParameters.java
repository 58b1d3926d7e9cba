package dev.keyway.connections.crypto;

import java.util.Base64;

/**
 * Argon2id parameters and salt for a passphrase-derived master key. Stored with the store's key
 * check so that a later release can raise the cost without locking out existing stores.
 *
 * @param memoryKib   memory cost in KiB
 * @param iterations  time cost
 * @param parallelism lanes
 * @param salt        random salt, at least 16 bytes
 */
public record KdfParameters(int memoryKib, int iterations, int parallelism, byte[] salt) {

    /** OWASP's recommended Argon2id setting: m=19456 KiB, t=2, p=1. */
    public static KdfParameters owaspWithFreshSalt() {
        return new KdfParameters(19456, 2, 1, Bytes.random(16));
    }

    public KdfParameters {
        if (memoryKib < 8 || iterations < 1 || parallelism < 1 || salt == null || salt.length < 16) {
            throw new IllegalArgumentException("invalid Argon2id parameters");
        }
        salt = salt.clone();
    }

    @Override
    public byte[] salt() {
        return salt.clone();
    }

    /** Compact text form {@code argon2id$m=..,t=..,p=..$<base64 salt>} for the store's meta table. */
    public String encode() {
        return "argon2id$m=" + memoryKib + ",t=" + iterations + ",p=" + parallelism + "$"
                + Base64.getEncoder().encodeToString(salt);
    }

    /** Parses {@link #encode()}'s output. */
    public static KdfParameters decode(String text) {
        try {
            String[] parts = text.split("\\$");
            if (parts.length != 3 || !parts[0].equals("argon2id")) {
                throw new IllegalArgumentException("not argon2id");
            }
            int m = 0;
            int t = 0;
            int p = 0;
            for (String pair : parts[1].split(",")) {
                String[] kv = pair.split("=");
                int value = Integer.parseInt(kv[1]);
                switch (kv[0]) {
                    case "m" -> m = value;
                    case "t" -> t = value;
                    case "p" -> p = value;
                    default -> throw new IllegalArgumentException("unknown parameter " + kv[0]);
                }
            }
            return new KdfParameters(m, t, p, Base64.getDecoder().decode(parts[2]));
        } catch (RuntimeException e) {
            throw new MasterKeyException(e, "the stored passphrase parameters are unreadable; "
                    + "restore the store from a backup or open it with the key file or KEYWAY_MASTER_KEY");
        }
    }
}
