package dev.keyway.connections.providers;

import java.util.List;
import java.util.Objects;

/**
 * An environment secret created from a connection's field, e.g. field {@code api-key} seeded
 * as {@code SLACK_API_KEY} and also as {@code SLACK_BOT_TOKEN}.
 */
public record SeededSecret(String field, String name, List<String> aliases) {

    public SeededSecret {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(name, "name");
        aliases = List.copyOf(aliases);
    }
}
