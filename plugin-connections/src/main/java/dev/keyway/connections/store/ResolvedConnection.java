package dev.keyway.connections.store;

/**
 * A connection with its decrypted credentials, for the one use that asked for it. Close it when
 * done: the store keeps no plaintext, and closing wipes this copy.
 *
 * @param connection  the metadata
 * @param credentials the decrypted fields
 */
public record ResolvedConnection(Connection connection, Credentials credentials) implements AutoCloseable {

    @Override
    public void close() {
        credentials.destroy();
    }
}
