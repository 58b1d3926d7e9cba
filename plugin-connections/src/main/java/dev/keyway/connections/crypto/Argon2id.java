package dev.keyway.connections.crypto;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Passphrase to 256-bit key through Argon2id, using BouncyCastle's lightweight API (the JDK has
 * no Argon2); no JCE provider is registered.
 */
public final class Argon2id {

    private Argon2id() {
    }

    /** Derives 32 bytes; the caller owns and wipes both the passphrase and the result. */
    public static byte[] derive(char[] passphrase, KdfParameters params) {
        if (passphrase == null || passphrase.length == 0) {
            throw new MasterKeyException("the master key passphrase is empty; set a non-empty passphrase");
        }
        Argon2Parameters.Builder builder = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(params.memoryKib())
                .withIterations(params.iterations())
                .withParallelism(params.parallelism())
                .withSalt(params.salt());
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(builder.build());
        byte[] out = new byte[AesGcm.KEY_BYTES];
        generator.generateBytes(passphrase, out);
        builder.clear();
        return out;
    }
}
