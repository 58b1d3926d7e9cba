package dev.keyway.connections.nodes;

import dev.keyway.api.NodeException;
import dev.keyway.api.Secret;
import dev.keyway.api.ValueType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * HTTP Request's {@code secretPaths}: dot paths into the node's outputs, such as
 * {@code body.data.data.token}, or {@code body.data.data} for a whole object, whose values come out
 * of the node as {@link Secret}s. This is how a credential read at run time from a secrets store
 * (Vault, a database behind an API) becomes as protected as one from a saved connection: it is
 * registered with the execution before any other step, record or log can see it.
 *
 * <p>A path that leads nowhere fails the node: a pattern that expects a credential must not carry
 * on without it. Messages name the path, never a value.
 */
final class SecretPaths {

    /** Starts at an output that holds response data, then names or list indexes (lower-case header names). */
    static final String PATTERN = "(body|headers)(\\.[^.]+)*";
    private static final Pattern SYNTAX = Pattern.compile(PATTERN);
    private static final Pattern INDEX = Pattern.compile("0|[1-9][0-9]{0,8}");

    private final List<String> paths;

    private SecretPaths(List<String> paths) {
        this.paths = paths;
    }

    /** Reads the property as the spec validated it; absent or empty means none. */
    static SecretPaths of(Object property) {
        List<String> paths = new ArrayList<>();
        if (property instanceof List<?> list) {
            list.forEach(item -> paths.add(String.valueOf(item)));
        }
        return new SecretPaths(List.copyOf(paths));
    }

    /** The spec's check of the property: every item a path in {@link #PATTERN}'s syntax. */
    static Optional<String> check(Object value) {
        if (value instanceof List<?> list) {
            for (Object item : list) {
                if (!(item instanceof String path) || !SYNTAX.matcher(path).matches()) {
                    return Optional.of("must hold dot paths into the response starting at body or headers, "
                            + "e.g. body.data.data.token");
                }
            }
        }
        return Optional.empty();
    }

    /**
     * A copy of {@code outputs} in which the value at every path is a secret (every leaf, for an
     * object or list), each secret handed to {@code register} as soon as it exists.
     *
     * @param outputs    the node's outputs, body as decoded
     * @param bodyIsJson whether the body was parsed from JSON; paths into a text body fail
     * @param request    the request as messages may show it, e.g. {@code GET https://vault/v1/kv/data/app}
     * @throws NodeException {@code secret_path_not_json} or {@code secret_path_missing}, naming the path
     */
    Map<String, Object> protect(Map<String, Object> outputs, boolean bodyIsJson, String request,
            Consumer<Secret> register) {
        Map<String, Object> copy = new LinkedHashMap<>(outputs);
        for (String path : paths) {
            List<String> segments = List.of(path.split("\\."));
            if (segments.get(0).equals("body") && !bodyIsJson) {
                throw new NodeException("secret_path_not_json", "secretPaths entry '%s' reads the response body, but "
                        + "%s did not answer with JSON; secrets can only be picked out of a JSON answer, so check the "
                        + "URL (and the service's Accept header) or remove the entry", path, request);
            }
            copy = new Walk(path, segments, request, register).into(copy);
        }
        return copy;
    }

    /** One path applied to one value: copies the maps and lists on the way, wraps what is at the end. */
    private record Walk(String path, List<String> segments, String request, Consumer<Secret> register) {

        @SuppressWarnings("unchecked")
        Map<String, Object> into(Map<String, Object> outputs) {
            return (Map<String, Object>) at(outputs, 0);
        }

        private Object at(Object current, int depth) {
            if (depth == segments.size()) {
                SecretValues.Wrapped wrapped = SecretValues.wrap(current, register);
                if (wrapped.secrets() == 0) {
                    throw missing("'%s' is empty (%s)", path, ValueType.describe(current));
                }
                return wrapped.value();
            }
            String segment = segments.get(depth);
            if (current instanceof Map<?, ?> map) {
                String key = depth == 1 && segments.get(0).equals("headers") ? segment.toLowerCase(Locale.ROOT) : segment;
                if (map.containsKey(key)) {
                    Map<String, Object> copy = new LinkedHashMap<>();
                    map.forEach((k, v) -> copy.put(String.valueOf(k), v));
                    copy.put(key, at(map.get(key), depth + 1));
                    return copy;
                }
                throw missing("'%s' has no '%s'", prefix(depth), segment);
            }
            if (current instanceof List<?> list) {
                int index = INDEX.matcher(segment).matches() ? Integer.parseInt(segment) : -1;
                if (index < 0 || index >= list.size()) {
                    throw missing("'%s' is a list of %d with no item '%s'", prefix(depth), list.size(), segment);
                }
                List<Object> copy = new ArrayList<>(list);
                copy.set(index, at(list.get(index), depth + 1));
                return copy;
            }
            throw missing("'%s' is %s, not an object or a list", prefix(depth), ValueType.describe(current));
        }

        private String prefix(int depth) {
            return String.join(".", segments.subList(0, depth));
        }

        private NodeException missing(String format, Object... args) {
            return new NodeException("secret_path_missing", "secretPaths entry '%s' is not in the answer of %s: %s; "
                    + "check the path against the service's response, and that the request reads the right entry",
                    path, request, String.format(Locale.ROOT, format, args));
        }
    }
}
