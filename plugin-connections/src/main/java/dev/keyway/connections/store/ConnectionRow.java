package dev.keyway.connections.store;

/**
 * A connection as stored: its metadata, the data key version and the ciphertext (null when the
 * query did not select it, as metadata reads never do).
 *
 * @param connection metadata
 * @param keyVersion data key version of {@code sealed}
 * @param sealed     ciphertext or null
 */
record ConnectionRow(Connection connection, int keyVersion, byte[] sealed) {

    /**
     * The values the ciphertext is bound to.
     *
     * @param id          connection id
     * @param workspace   workspace
     * @param owner       owner
     * @param environment environment
     */
    record Identity(String id, String workspace, String owner, String environment) {
    }

    Identity identity() {
        return new Identity(connection.id(), connection.workspace(), connection.owner(), connection.environment());
    }

    /** Whether {@code user} of {@code workspace} may see it. */
    boolean visibleTo(String user, String workspace) {
        return connection.workspace().equals(workspace)
                && (connection.owner().equals(user) || connection.sharedWith().contains(user));
    }
}
