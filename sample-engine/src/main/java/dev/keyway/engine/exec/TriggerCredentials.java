package dev.keyway.engine.exec;

import dev.keyway.api.Secret;
import dev.keyway.engine.pattern.Trigger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Wraps a trigger payload's credential fields as {@link Secret}s. Call it as soon as a payload is
 * parsed (the HTTP layer can, too) so nothing downstream ever holds the plaintext as a string.
 */
public final class TriggerCredentials {

    private TriggerCredentials() {
    }

    /** A copy of {@code payload} whose fields named in {@code trigger.credentials()} are secrets (nested strings too). */
    public static Map<String, Object> wrap(Trigger trigger, Map<String, Object> payload) {
        Map<String, Object> copy = new LinkedHashMap<>(payload == null ? Map.of() : payload);
        for (String field : trigger.credentials()) {
            if (copy.containsKey(field)) {
                copy.put(field, secretOf(copy.get(field)));
            }
        }
        return Collections.unmodifiableMap(copy);
    }

    private static Object secretOf(Object value) {
        if (value instanceof String text) {
            return text.isEmpty() ? text : Secret.of(text);
        }
        if (value instanceof Number || value instanceof Boolean) {
            return Secret.of(String.valueOf(value));
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            map.forEach((key, item) -> copy.put(key, secretOf(item)));
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(item -> copy.add(secretOf(item)));
            return copy;
        }
        return value; // null or already a Secret
    }
}
