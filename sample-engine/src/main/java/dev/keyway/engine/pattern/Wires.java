package dev.keyway.engine.pattern;

import dev.keyway.engine.json.JsonPointers;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/** Finds the wires nested anywhere inside a pattern value. */
public final class Wires {

    private Wires() {
    }

    /** Calls {@code visitor} with each wire inside {@code value} and its JSON Pointer below {@code pointer}. */
    public static void forEach(Object value, String pointer, BiConsumer<Wire, String> visitor) {
        if (value instanceof Wire wire) {
            visitor.accept(wire, pointer);
        } else if (value instanceof Map<?, ?> map) {
            map.forEach((key, item) -> forEach(item, JsonPointers.append(pointer, String.valueOf(key)), visitor));
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                forEach(list.get(i), JsonPointers.append(pointer, i), visitor);
            }
        }
    }

    /** Whether {@code value} is or holds a wire; asked for every input of every execution. */
    public static boolean contains(Object value) {
        if (value instanceof Wire) {
            return true;
        }
        if (value instanceof Map<?, ?> map) {
            for (Object item : map.values()) {
                if (contains(item)) {
                    return true;
                }
            }
        } else if (value instanceof List<?> list) {
            for (Object item : list) {
                if (contains(item)) {
                    return true;
                }
            }
        }
        return false;
    }
}
