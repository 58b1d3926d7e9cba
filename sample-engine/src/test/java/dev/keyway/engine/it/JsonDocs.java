package dev.keyway.engine.it;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Valid JSON documents as plain maps and lists, edited by JSON Pointer: the raw material the
 * corpus mutates. Every edit works on a deep copy, so one parsed document serves many mutants.
 */
final class JsonDocs {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonDocs() {
    }

    static Object parse(String text) {
        try {
            return JSON.readValue(text, Object.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Indented, so that problems have distinct lines and columns to point at. */
    static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every pointer to a value in the document, parents before children ({@code ""} excluded). */
    static List<String> pointers(Object root) {
        List<String> all = new ArrayList<>();
        collect(root, "", all);
        return all;
    }

    static Object get(Object root, String pointer) {
        Object current = root;
        for (String token : tokens(pointer)) {
            current = current instanceof Map<?, ?> map ? map.get(token) : ((List<?>) current).get(Integer.parseInt(token));
        }
        return current;
    }

    /** A copy of {@code root} with the value at {@code pointer} replaced (or added to its object). */
    static Object with(Object root, String pointer, Object value) {
        Object copy = copy(root);
        edit(copy, pointer, value, false);
        return copy;
    }

    /** A copy of {@code root} without the member or item at {@code pointer}. */
    static Object without(Object root, String pointer) {
        Object copy = copy(root);
        edit(copy, pointer, null, true);
        return copy;
    }

    static String parentOf(String pointer) {
        return pointer.substring(0, pointer.lastIndexOf('/'));
    }

    static String lastToken(String pointer) {
        return pointer.substring(pointer.lastIndexOf('/') + 1);
    }

    @SuppressWarnings("unchecked")
    private static void edit(Object root, String pointer, Object value, boolean remove) {
        Object parent = get(root, parentOf(pointer));
        String token = lastToken(pointer);
        if (parent instanceof Map<?, ?> map) {
            if (remove) {
                map.remove(token);
            } else {
                ((Map<String, Object>) map).put(token, value);
            }
        } else if (remove) {
            ((List<Object>) parent).remove(Integer.parseInt(token));
        } else {
            ((List<Object>) parent).set(Integer.parseInt(token), value);
        }
    }

    private static Object copy(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put((String) k, copy(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(v -> copy.add(copy(v)));
            return copy;
        }
        return value;
    }

    private static void collect(Object value, String pointer, List<String> into) {
        if (!pointer.isEmpty()) {
            into.add(pointer);
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> collect(v, pointer + "/" + k, into));
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                collect(list.get(i), pointer + "/" + i, into);
            }
        }
    }

    private static List<String> tokens(String pointer) {
        return pointer.isEmpty() ? List.of() : List.of(pointer.substring(1).split("/", -1));
    }
}
