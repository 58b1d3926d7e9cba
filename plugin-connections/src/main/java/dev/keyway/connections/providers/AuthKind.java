package dev.keyway.connections.providers;

import java.util.Arrays;
import java.util.Optional;

/** How a connection authenticates; the ids are the {@code type} of a connection. */
public enum AuthKind {
    OAUTH("oauth"),
    API_KEY("api_key"),
    CREDENTIALS("credentials"),
    BASIC("basic"),
    BEARER("bearer");

    private final String id;

    AuthKind(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<AuthKind> byId(String id) {
        return Arrays.stream(values()).filter(kind -> kind.id.equals(id)).findFirst();
    }
}
