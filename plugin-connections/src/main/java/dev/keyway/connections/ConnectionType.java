package dev.keyway.connections;

import java.util.Arrays;
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

    private final String id;

    ConnectionType(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<ConnectionType> byId(String id) {
        String wanted = id == null ? null : id.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(type -> type.id.equals(wanted)).findFirst();
    }

    /**
     * @throws IllegalArgumentException naming the accepted values
     */
    public static ConnectionType parse(String id) {
        return byId(id).orElseThrow(() -> new IllegalArgumentException("unknown connection type '" + id
                + "'; use one of oauth, api_key, credentials, basic, bearer"));
    }
}
