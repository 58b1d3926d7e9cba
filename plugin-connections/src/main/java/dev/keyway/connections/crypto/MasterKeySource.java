package dev.keyway.connections.crypto;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the master key comes from. {@link #select} applies the documented order: the
 * {@value #ENV_VARIABLE} environment variable, then a configured key file, then a passphrase,
 * and by default a key file generated on the first start.
 */
public sealed interface MasterKeySource {

    /** The environment variable holding the base64 of a 32-byte master key. */
    String ENV_VARIABLE = "KEYWAY_MASTER_KEY";

    /** For messages, e.g. "the master key from KEYWAY_MASTER_KEY"; never key material. */
    String describe();

    /**
     * Produces the key.
     *
     * @param storedKdf  the passphrase parameters stored in the store, or null if it has none
     * @param storeIsNew true when the store is being created, so a default key may be generated
     */
    MasterKey load(KdfParameters storedKdf, boolean storeIsNew);

    /** Applies the source order to what the caller configured. */
    static MasterKeySource select(MasterKeyOptions options) {
        String fromEnv = options.environment().get(ENV_VARIABLE);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return new Environment(fromEnv);
        }
        if (options.keyFile() != null) {
            return new KeyFile(options.keyFile());
        }
        if (options.passphrase() != null) {
            return new Passphrase(options.passphrase());
        }
        return new GeneratedKeyFile(options.defaultKeyFile());
    }

    /** The base64 text of {@value #ENV_VARIABLE}. */
    record Environment(String base64) implements MasterKeySource {
        public Environment {
            Objects.requireNonNull(base64, "base64");
        }

        @Override
        public String describe() {
            return "the master key from " + ENV_VARIABLE;
        }

        @Override
        public MasterKey load(KdfParameters storedKdf, boolean storeIsNew) {
            return MasterKey.consume(KeyFiles.decodeBase64Key(base64.getBytes(StandardCharsets.US_ASCII),
                    ENV_VARIABLE), describe(), null);
        }

        @Override
        public String toString() {
            return "Environment[" + ENV_VARIABLE + "]";
        }
    }

    /** A key file the operator provides; it must exist. */
    record KeyFile(Path path) implements MasterKeySource {
        public KeyFile {
            Objects.requireNonNull(path, "path");
        }

        @Override
        public String describe() {
            return "the master key file " + path;
        }

        @Override
        public MasterKey load(KdfParameters storedKdf, boolean storeIsNew) {
            return MasterKey.consume(KeyFiles.read(path), describe(), null);
        }
    }

    /** A passphrase stretched with Argon2id; a new store gets a fresh random salt. */
    record Passphrase(char[] passphrase) implements MasterKeySource {
        public Passphrase {
            Objects.requireNonNull(passphrase, "passphrase");
        }

        @Override
        public String describe() {
            return "the master key passphrase";
        }

        @Override
        public MasterKey load(KdfParameters storedKdf, boolean storeIsNew) {
            KdfParameters params = storedKdf;
            if (params == null) {
                if (!storeIsNew) {
                    throw new MasterKeyException("%s does not open this store: it was created with a raw master key; "
                            + "set %s or configure the key file it was created with", describe(), ENV_VARIABLE);
                }
                params = KdfParameters.owaspWithFreshSalt();
            }
            return MasterKey.consume(Argon2id.derive(passphrase, params), describe(), params);
        }

        @Override
        public String toString() {
            return "Passphrase[*****]";
        }
    }

    /** The default: a key file created on the first start of a new store, outside the database folder. */
    record GeneratedKeyFile(Path path) implements MasterKeySource {
        private static final Logger LOG = LoggerFactory.getLogger(MasterKeySource.class);

        public GeneratedKeyFile {
            Objects.requireNonNull(path, "path");
        }

        @Override
        public String describe() {
            return "the default master key file " + path;
        }

        @Override
        public MasterKey load(KdfParameters storedKdf, boolean storeIsNew) {
            if (Files.exists(path)) {
                return new KeyFile(path).load(storedKdf, storeIsNew);
            }
            if (!storeIsNew) {
                throw new MasterKeyException("no master key: %s is not set, no key file or passphrase is configured, "
                        + "and %s does not exist; restore the key file from your backup or set %s",
                        ENV_VARIABLE, path, ENV_VARIABLE);
            }
            MasterKey key = MasterKey.generate(describe());
            KeyFiles.create(path, key);
            LOG.warn("Generated a new master key in {} (owner-only). Back this file up now and keep it apart from "
                    + "database backups: without it the stored credentials cannot be decrypted.", path);
            return key;
        }
    }
}
