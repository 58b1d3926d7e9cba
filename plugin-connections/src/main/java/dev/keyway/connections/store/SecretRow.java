package dev.keyway.connections.store;

/**
 * An environment secret as stored.
 *
 * @param identity   what the ciphertext is bound to
 * @param keyVersion data key version
 * @param sealed     ciphertext
 */
record SecretRow(Identity identity, int keyVersion, byte[] sealed) {

    /**
     * @param workspace    workspace
     * @param environment  environment, or {@link SecretScope#ALL}
     * @param name         e.g. JIRA_API_TOKEN
     * @param connectionId the connection it was seeded from
     * @param fieldName    the credential field it holds
     */
    record Identity(String workspace, String environment, String name, String connectionId, String fieldName) {
    }
}
