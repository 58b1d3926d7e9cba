package dev.keyway.connections.crypto;

import javax.crypto.SecretKey;

/**
 * A versioned AES-256 key that encrypts credentials. Data keys may stay in memory for the life of
 * the store (they are what makes resolution fast); plaintext credentials never do.
 *
 * @param version the version stored with every row it encrypted
 * @param key     the key
 */
public record DataKey(int version, SecretKey key) {

    @Override
    public String toString() {
        return "DataKey[v" + version + "]";
    }
}
