package dev.keyway.connections.crypto;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * What the caller configured for the master key; see {@link MasterKeySource#select} for the order.
 *
 * @param environment    the process environment (injected so tests can supply KEYWAY_MASTER_KEY)
 * @param keyFile        an operator-provided key file, or null
 * @param passphrase     a passphrase for Argon2id, or null; the caller may wipe it after the store opens
 * @param defaultKeyFile where to generate (first start) and find the default key file; keep it
 *                       outside the database folder so that a copy of one is not a copy of both
 */
public record MasterKeyOptions(Map<String, String> environment, Path keyFile, char[] passphrase,
                               Path defaultKeyFile) {

    public MasterKeyOptions {
        environment = Map.copyOf(Objects.requireNonNull(environment, "environment"));
        Objects.requireNonNull(defaultKeyFile, "defaultKeyFile");
    }

    /** Only the environment and the default key file. */
    public static MasterKeyOptions defaults(Map<String, String> environment, Path defaultKeyFile) {
        return new MasterKeyOptions(environment, null, null, defaultKeyFile);
    }

    public MasterKeyOptions withKeyFile(Path file) {
        return new MasterKeyOptions(environment, file, passphrase, defaultKeyFile);
    }

    public MasterKeyOptions withPassphrase(char[] secret) {
        return new MasterKeyOptions(environment, keyFile, secret, defaultKeyFile);
    }

    @Override
    public String toString() {
        return "MasterKeyOptions[keyFile=" + keyFile + ", passphrase=" + (passphrase == null ? "none" : "*****")
                + ", defaultKeyFile=" + defaultKeyFile + "]";
    }
}
