package dev.keyway.connections.nodes;

import dev.keyway.api.NodeException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A path like {@code headers.Authorization} into nested objects. */
final class DotPath {

    static final String PATTERN = "[^.]+(\\.[^.]+)*";
    private static final java.util.regex.Pattern SHAPE = java.util.regex.Pattern.compile(PATTERN);

    private final List<String> segments;

    private DotPath(List<String> segments) {
        this.segments = segments;
    }

    static DotPath parse(String path) {
        if (path == null || !SHAPE.matcher(path).matches()) {
            throw new NodeException("invalid_path", "path '%s' must be names separated by dots, e.g. headers.Authorization",
                    path);
        }
        return new DotPath(List.of(path.split("\\.")));
    }

    /**
     * A copy of {@code object} with {@code value} set at this path, creating objects on the way.
     * Only the maps along the path are copied; {@code object} itself is never changed.
     *
     * @throws NodeException {@code path_conflict} when the path runs through a value that is not an object
     */
    Map<String, Object> set(Map<?, ?> object, Object value) {
        Map<String, Object> root = copy(object);
        Map<String, Object> current = root;
        for (int i = 0; i < segments.size() - 1; i++) {
            Object next = current.get(segments.get(i));
            if (next != null && !(next instanceof Map)) {
                throw new NodeException("path_conflict", "cannot set '%s': '%s' already holds a %s, not an object",
                        String.join(".", segments), String.join(".", segments.subList(0, i + 1)),
                        dev.keyway.api.ValueType.describe(next));
            }
            Map<String, Object> child = next == null ? new LinkedHashMap<>() : copy((Map<?, ?>) next);
            current.put(segments.get(i), child);
            current = child;
        }
        current.put(segments.get(segments.size() - 1), value);
        return root;
    }

    private static Map<String, Object> copy(Map<?, ?> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> copy.put(String.valueOf(k), v));
        return copy;
    }
}
