package dev.keyway.connections.store;

import java.util.Locale;

/** How a connection authenticates; {@link #wire()} is the value used in the API and the database. */
public enum ConnectionType {
    OAUTH("oauth"),
    API_KEY("api_key"),
    CREDENTIALS("credentials"),
    BASIC("basic"),
    BEARER("bearer");

    private final String wire;

    ConnectionType(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    /** Parses a wire value such as {@code api_key}. */
    public static ConnectionType fromWire(String value) {
        for (ConnectionType type : values()) {
            if (type.wire.equals(value == null ? null : value.toLowerCase(Locale.ROOT))) {
                return type;
            }
        }
        throw new InvalidRequestException("unknown connection type '%s'; use one of oauth, api_key, credentials, "
                + "basic, bearer", value);
    }
}
