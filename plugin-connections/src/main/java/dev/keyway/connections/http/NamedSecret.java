package dev.keyway.connections.http;

import dev.keyway.api.Secret;
import java.util.Objects;

/** A header, query parameter or cookie whose value is credential material. */
public record NamedSecret(String name, Secret value) {

    public NamedSecret {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }
}
