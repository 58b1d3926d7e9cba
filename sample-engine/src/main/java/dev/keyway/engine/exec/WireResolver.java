package dev.keyway.engine.exec;

import dev.keyway.engine.pattern.Wire;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Replaces wires with the values they point at: node outputs or the trigger payload. */
final class WireResolver {

    private final Map<String, Object> trigger;
    private final Function<String, Map<String, Object>> outputsOf;

    /** {@code outputsOf} gives a node's outputs, or null when it has none (yet). */
    WireResolver(Map<String, Object> trigger, Function<String, Map<String, Object>> outputsOf) {
        this.trigger = trigger;
        this.outputsOf = outputsOf;
    }

    /** A copy of {@code value} with every nested wire resolved. */
    Object resolve(Object value) {
        if (value instanceof Wire wire) {
            return resolveWire(wire);
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            map.forEach((key, item) -> copy.put(key, resolve(item)));
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(item -> copy.add(resolve(item)));
            return copy;
        }
        return value;
    }

    /** The value at the wire's path; its default (or null) when the path leads nowhere or to null. */
    Object resolveWire(Wire wire) {
        Object current = wire.fromTrigger() ? trigger : outputsOf.apply(wire.source());
        for (String segment : wire.path()) {
            if (current == null) {
                break;
            }
            current = step(current, segment);
        }
        if (current == null && wire.hasDefault()) {
            return wire.defaultValue();
        }
        return current;
    }

    private static Object step(Object current, String segment) {
        if (current instanceof Map<?, ?> map) {
            return map.get(segment);
        }
        if (current instanceof List<?> list && isIndex(segment)) {
            int index = Integer.parseInt(segment);
            return index < list.size() ? list.get(index) : null;
        }
        return null; // a scalar or a secret has no fields
    }

    private static boolean isIndex(String segment) {
        return !segment.isEmpty() && segment.length() < 10 && segment.chars().allMatch(Character::isDigit);
    }
}
