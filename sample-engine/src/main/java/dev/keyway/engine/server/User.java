package dev.keyway.engine.server;

import java.util.List;

/**
 * A user of the HTTP API and the tokens it can sign in with.
 *
 * @param name      the user name, unique
 * @param workspace the workspace the user works in
 * @param createdAt when it was added (ISO-8601)
 * @param tokens    its API tokens, as hashes only
 */
public record User(String name, String workspace, String createdAt, List<Token> tokens) {

    public User {
        tokens = List.copyOf(tokens);
    }

    /**
     * An API token, stored as a hash only.
     *
     * @param id        short public id, shown in listings and used to revoke
     * @param sha256    hex SHA-256 of the token; tokens carry 256 random bits, so a fast hash is enough
     * @param createdAt when it was issued (ISO-8601)
     * @param revoked   whether it was revoked
     */
    public record Token(String id, String sha256, String createdAt, boolean revoked) {
    }
}
