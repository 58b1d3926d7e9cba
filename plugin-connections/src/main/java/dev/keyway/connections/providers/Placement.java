package dev.keyway.connections.providers;

import java.util.Arrays;
import java.util.Optional;

/** Where an injection rule puts a credential. */
public enum Placement {
    HEADER("header"),
    QUERY("query"),
    COOKIE("cookie"),
    /** {@code Authorization: Basic base64(username:password)} from two templates. */
    BASIC("basic");

    private final String id;

    Placement(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<Placement> byId(String id) {
        return Arrays.stream(values()).filter(p -> p.id.equals(id)).findFirst();
    }
}
