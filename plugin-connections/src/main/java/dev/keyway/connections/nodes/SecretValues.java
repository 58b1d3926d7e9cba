package dev.keyway.connections.nodes;

import dev.keyway.api.Secret;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Turns plain values a pattern declares to be credential material into {@link Secret}s: a string,
 * number or boolean becomes one secret, and inside objects and lists every such leaf does. It is
 * the rule the host applies to a trigger's credential fields, so a value is equally protected
 * whichever way it came in.
 */
final class SecretValues {

    private SecretValues() {
    }

    /**
     * A copy of {@code value} with every leaf a secret; each secret (new or already there) is handed
     * to {@code register} so the execution masks it from this moment. Nulls and empty strings stay
     * as they are: there is nothing in them to hide, and a secret cannot be empty.
     *
     * @return the copy, and how many secrets it holds
     */
    static Wrapped wrap(Object value, Consumer<Secret> register) {
        List<Secret> found = new ArrayList<>();
        Object copy = copy(value, found);
        found.forEach(register);
        return new Wrapped(copy, found.size());
    }

    private static Object copy(Object value, List<Secret> found) {
        if (value instanceof Secret secret) {
            return add(secret, found);
        }
        if (value instanceof String text) {
            return text.isEmpty() ? text : add(Secret.of(text), found);
        }
        if (value instanceof Number || value instanceof Boolean) {
            return add(Secret.of(String.valueOf(value)), found);
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((key, item) -> copy.put(String.valueOf(key), copy(item, found)));
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(item -> copy.add(copy(item, found)));
            return copy;
        }
        return value;
    }

    private static Secret add(Secret secret, List<Secret> found) {
        found.add(secret);
        return secret;
    }

    /**
     * The result of {@link #wrap}.
     *
     * @param value   the copy, secrets at its leaves
     * @param secrets how many secrets it holds; zero means the value had no credential material
     */
    record Wrapped(Object value, int secrets) {
    }
}
