package dev.keyway.engine.pattern;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One node of a pattern.
 *
 * @param id         unique within the pattern
 * @param type       the node type id, e.g. {@code http.request}
 * @param properties literal configuration
 * @param inputs     literals and {@link Wire}s, possibly nested
 * @param timeout    this node's time limit, or null for the engine default
 */
public record NodeDef(String id, String type, Map<String, Object> properties, Map<String, Object> inputs,
                      Duration timeout) {

    public NodeDef {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        properties = copy(properties);
        inputs = copy(inputs);
    }

    private static Map<String, Object> copy(Map<String, Object> values) {
        // Not Map.copyOf: a literal null is a legal value.
        return Collections.unmodifiableMap(new LinkedHashMap<>(values == null ? Map.of() : values));
    }

    public Duration timeoutOr(Duration fallback) {
        return timeout == null ? fallback : timeout;
    }
}
