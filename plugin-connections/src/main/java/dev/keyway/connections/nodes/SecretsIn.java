package dev.keyway.connections.nodes;

import dev.keyway.api.Secret;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Finds the secrets inside a value of nested maps and lists. */
final class SecretsIn {

    private SecretsIn() {
    }

    static List<Secret> of(Object value) {
        List<Secret> found = new ArrayList<>();
        collect(value, found);
        return found;
    }

    private static void collect(Object value, List<Secret> into) {
        if (value instanceof Secret secret) {
            into.add(secret);
        } else if (value instanceof Map<?, ?> map) {
            map.values().forEach(v -> collect(v, into));
        } else if (value instanceof List<?> list) {
            list.forEach(v -> collect(v, into));
        }
    }
}
