package dev.keyway.connections.api;

import dev.keyway.api.ApiException;
import dev.keyway.api.ApiRequest;
import dev.keyway.api.Secret;
import dev.keyway.api.support.VisibleText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A request body read as a JSON object with a fixed set of fields: unknown fields are refused by
 * name, and every wrong type is reported with the field it concerns. Credential values are taken
 * out as {@link Secret}s and removed from the parsed document at once, so no plain copy outlives
 * the parsing.
 */
public final class JsonBody {

    /** Longest plain text field (names, URLs, tags); credentials are bounded by the host's body limit only. */
    static final int MAX_TEXT = 2000;

    private final Map<?, ?> fields;

    private JsonBody(Map<?, ?> fields) {
        this.fields = fields;
    }

    /**
     * @param allowed the field names this endpoint takes
     * @throws ApiException 400 when the body is not an object or has fields outside {@code allowed}
     */
    public static JsonBody of(ApiRequest request, Set<String> allowed) {
        Object json = request.body().length == 0 ? null : request.jsonBody();
        if (!(json instanceof Map<?, ?> map)) {
            throw ApiException.badRequest("the body must be a JSON object with the fields %s", new TreeSet<>(allowed));
        }
        TreeSet<String> unknown = new TreeSet<>();
        map.keySet().forEach(key -> {
            if (!allowed.contains(String.valueOf(key))) {
                unknown.add(String.valueOf(key));
            }
        });
        if (!unknown.isEmpty()) {
            // Names are cut short: a body made of junk keys must not come back as a huge message.
            throw ApiException.badRequest("unknown field%s %s; this endpoint takes %s", unknown.size() == 1 ? "" : "s",
                    abbreviate(unknown), new TreeSet<>(allowed));
        }
        return new JsonBody(map);
    }

    boolean has(String name) {
        return fields.containsKey(name) && fields.get(name) != null;
    }

    /** A text field; blank counts as given (the service decides whether blank is allowed). */
    public Optional<String> text(String name) {
        Object value = fields.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof String text)) {
            throw wrongType(name, "a string", value);
        }
        // Plain fields end up in messages and listings; a megabyte of "name" is an error, not a name.
        if (text.length() > MAX_TEXT) {
            throw ApiException.badRequest("field '%s' is longer than %d characters", name, MAX_TEXT);
        }
        requireVisible(name, text);
        return Optional.of(text);
    }

    public Optional<List<String>> textList(String name) {
        Object value = fields.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof List<?> list)) {
            throw wrongType(name, "an array of strings", value);
        }
        List<String> texts = new ArrayList<>();
        for (Object item : list) {
            if (!(item instanceof String text)) {
                throw ApiException.badRequest("field '%s' must be an array of strings; an item is %s", name, typeOf(item));
            }
            if (text.length() > MAX_TEXT) {
                throw ApiException.badRequest("field '%s' has an item longer than %d characters", name, MAX_TEXT);
            }
            requireVisible(name, text);
            texts.add(text);
        }
        return Optional.of(texts);
    }

    /** Plain fields are names, hosts and labels that lists, logs and terminals show as they are. */
    private static void requireVisible(String name, String text) {
        VisibleText.firstUnfit(text, false).ifPresent(unfit -> {
            throw ApiException.badRequest("field '%s' contains %s; use visible characters only", name, unfit);
        });
    }

    /**
     * A credential value, wrapped as a secret and removed from the parsed body.
     *
     * @throws ApiException 400 when it is not a string (the value itself is never echoed)
     */
    public Optional<Secret> secret(String name) {
        Object value = take(name);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof String text)) {
            throw wrongType(name, "a string", value);
        }
        return text.isEmpty() ? Optional.empty() : Optional.of(Secret.of(text));
    }

    /**
     * An object of credential fields, each value wrapped as a secret; the object is removed from the
     * parsed body and emptied.
     *
     * @return empty when absent; an empty map when given as {@code {}}
     */
    Optional<Map<String, Secret>> secretObject(String name) {
        Object value = take(name);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw wrongType(name, "an object of field names to string values", value);
        }
        Map<String, Secret> secrets = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        map.forEach((key, item) -> {
            String field = String.valueOf(key);
            if (!(item instanceof String text)) {
                problems.add("'" + shortName(field) + "' must be a string, not " + typeOf(item));
            } else if (text.isEmpty()) {
                problems.add("'" + shortName(field) + "' is empty");
            } else {
                secrets.put(field, Secret.of(text));
            }
        });
        clear(map);
        if (!problems.isEmpty()) {
            secrets.values().forEach(Secret::destroy);
            throw ApiException.badRequest("%s: %s", name, String.join("; ", problems.subList(0, Math.min(5, problems.size()))));
        }
        return Optional.of(secrets);
    }

    private Object take(String name) {
        Object value = fields.get(name);
        try {
            fields.remove(name);
        } catch (UnsupportedOperationException e) {
            // An immutable body (tests) holds no reusable copy we could wipe anyway.
        }
        return value;
    }

    private static void clear(Map<?, ?> map) {
        try {
            map.clear();
        } catch (UnsupportedOperationException e) {
            // as in take()
        }
    }

    private static ApiException wrongType(String name, String expected, Object actual) {
        return ApiException.badRequest("field '%s' must be %s, not %s", name, expected, typeOf(actual));
    }

    /** The JSON type of a parsed value; never the value, which may be a credential. */
    static String typeOf(Object value) {
        if (value == null) {
            return "null";
        } else if (value instanceof String) {
            return "a string";
        } else if (value instanceof Number) {
            return "a number";
        } else if (value instanceof Boolean) {
            return "a boolean";
        } else if (value instanceof List) {
            return "an array";
        } else if (value instanceof Map) {
            return "an object";
        }
        return "an unsupported value";
    }

    private static String abbreviate(Set<String> names) {
        List<String> shown = new ArrayList<>();
        for (String name : names) {
            if (shown.size() == 5) {
                shown.add("and " + (names.size() - 5) + " more");
                break;
            }
            shown.add("'" + shortName(name) + "'");
        }
        return String.join(", ", shown);
    }

    private static String shortName(String name) {
        return name.length() > 40 ? name.substring(0, 40) + "..." : name;
    }
}
