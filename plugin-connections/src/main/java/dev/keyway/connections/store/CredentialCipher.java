package dev.keyway.connections.store;

import dev.keyway.api.Secret;
import dev.keyway.connections.crypto.Aad;
import dev.keyway.connections.crypto.AesGcm;
import dev.keyway.connections.crypto.Bytes;
import dev.keyway.connections.crypto.DataKey;
import dev.keyway.connections.crypto.TamperedException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Encrypts credentials for their row. A connection's fields are one blob whose associated data is
 * (connection id, workspace, owner, environment, key version); the field names travel inside the
 * authenticated plaintext. An environment secret's associated data is (workspace, environment,
 * name, source connection, field name, key version). A ciphertext copied to any other row, or
 * relabelled with another key version, fails authentication.
 */
final class CredentialCipher {

    /**
     * A ciphertext and the key version that made it.
     *
     * @param keyVersion data key version
     * @param blob       {@link AesGcm#seal} output
     */
    record Sealed(int keyVersion, byte[] blob) {
    }

    private CredentialCipher() {
    }

    static Sealed sealConnection(DataKey key, ConnectionRow.Identity row, Credentials credentials) {
        byte[] plain = CredentialCodec.encode(credentials.fields());
        try {
            return new Sealed(key.version(), AesGcm.seal(key.key(), plain, connectionAad(row, key.version())));
        } finally {
            Bytes.wipe(plain);
        }
    }

    static Map<String, Secret> openConnection(DataKey key, ConnectionRow.Identity row, byte[] blob) {
        byte[] plain = null;
        try {
            plain = AesGcm.open(key.key(), blob, connectionAad(row, key.version()));
            return CredentialCodec.decode(plain);
        } catch (TamperedException | IllegalArgumentException | java.nio.BufferUnderflowException e) {
            throw tampered(row.id());
        } finally {
            Bytes.wipe(plain);
        }
    }

    static Sealed sealSecret(DataKey key, SecretRow.Identity row, Secret value) {
        byte[] plain = value.reveal().getBytes(StandardCharsets.UTF_8);
        try {
            return new Sealed(key.version(), AesGcm.seal(key.key(), plain, secretAad(row, key.version())));
        } finally {
            Bytes.wipe(plain);
        }
    }

    static Secret openSecret(DataKey key, SecretRow.Identity row, byte[] blob) {
        byte[] plain = null;
        try {
            plain = AesGcm.open(key.key(), blob, secretAad(row, key.version()));
            return Secret.ofUtf8(plain);
        } catch (TamperedException | IllegalArgumentException e) {
            throw new TamperedException("environment secret %s of %s/%s cannot be decrypted (tampered or moved); "
                    + "seed it again from connection %s", row.name(), row.workspace(), row.environment(),
                    row.connectionId());
        } finally {
            Bytes.wipe(plain);
        }
    }

    /** Rotation: decrypts under {@code from} and seals under {@code to} without building secrets. */
    static Sealed rewrapConnection(DataKey from, DataKey to, ConnectionRow.Identity row, byte[] blob) {
        try {
            return reseal(from, to, connectionAad(row, from.version()), connectionAad(row, to.version()), blob);
        } catch (TamperedException e) {
            throw tampered(row.id());
        }
    }

    /** Rotation of an environment secret. */
    static Sealed rewrapSecret(DataKey from, DataKey to, SecretRow.Identity row, byte[] blob) {
        return reseal(from, to, secretAad(row, from.version()), secretAad(row, to.version()), blob);
    }

    private static Sealed reseal(DataKey from, DataKey to, byte[] fromAad, byte[] toAad, byte[] blob) {
        byte[] plain = null;
        try {
            plain = AesGcm.open(from.key(), blob, fromAad);
            return new Sealed(to.version(), AesGcm.seal(to.key(), plain, toAad));
        } finally {
            Bytes.wipe(plain);
        }
    }

    static TamperedException tampered(String connectionId) {
        return new TamperedException("connection %s cannot be decrypted (tampered or moved); enter its credentials "
                + "again (update or re-create it) or restore the store from a backup", connectionId);
    }

    private static byte[] connectionAad(ConnectionRow.Identity row, int keyVersion) {
        return Aad.of("keyway/connection/v1", row.id(), row.workspace(), row.owner(), row.environment(),
                Integer.toString(keyVersion));
    }

    private static byte[] secretAad(SecretRow.Identity row, int keyVersion) {
        return Aad.of("keyway/env-secret/v1", row.workspace(), row.environment(), row.name(), row.connectionId(),
                row.fieldName(), Integer.toString(keyVersion));
    }
}
