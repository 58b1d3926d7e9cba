package dev.keyway.connections;

import java.util.Locale;
import java.util.Optional;

/**
 * How a connection authenticates. {@link #id()} is the {@code type} in the API, the CLI, the
 * provider catalogue's {@code authKinds} and the database.
 */
public enum ConnectionType {
    OAUTH("oauth"),
    API_KEY("api_key"),
    CREDENTIALS("credentials"),
    BASIC("basic"),
    BEARER("bearer");

    private static final ConnectionType[] VALUES = values();

    private final String id;

    ConnectionType(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<ConnectionType> byId(String id) {
        if (id == null) {
            return Optional.empty();
        }
        // Read for every stored row a node resolves: a loop over the constants, no stream, no copy.
        for (ConnectionType type : VALUES) {
            if (type.id.equals(id)) {
                return Optional.of(type);
            }
        }
        String lower = id.toLowerCase(Locale.ROOT);
        for (ConnectionType type : VALUES) {
            if (type.id.equals(lower)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    /**
     * @throws IllegalArgumentException naming the accepted values
     */
    public static ConnectionType parse(String id) {
        return byId(id).orElseThrow(() -> new IllegalArgumentException("unknown connection type '" + id
                + "'; use one of oauth, api_key, credentials, basic, bearer"));
    }
}
