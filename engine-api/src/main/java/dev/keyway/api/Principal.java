package dev.keyway.api;

import java.util.Objects;

/**
 * Who is acting: a user within a workspace.
 *
 * @param user      the user name
 * @param workspace the workspace the user acts in
 */
public record Principal(String user, String workspace) {

    public Principal {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(workspace, "workspace");
        if (user.isBlank() || workspace.isBlank()) {
            throw new IllegalArgumentException("user and workspace must not be blank");
        }
    }

    @Override
    public String toString() {
        return user + "@" + workspace;
    }
}
