package dev.keyway.engine.server;

import dev.keyway.api.ApiRoute;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An {@link ApiRoute} as the server serves it: its path split into segments, and the class
 * loader to run it with (the contributing plugin's, or the host's).
 */
public record Route(ApiRoute api, String source, ClassLoader classLoader, List<String> segments) {

    public static Route of(ApiRoute api, String source, ClassLoader classLoader) {
        return new Route(api, source, classLoader, split(api.path()));
    }

    /** Path parameters when {@code path} matches this route's template. */
    Optional<Map<String, String>> match(List<String> path) {
        if (path.size() != segments.size()) {
            return Optional.empty();
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < segments.size(); i++) {
            String segment = segments.get(i);
            if (segment.startsWith("{")) {
                params.put(segment.substring(1, segment.length() - 1), path.get(i));
            } else if (!segment.equals(path.get(i))) {
                return Optional.empty();
            }
        }
        return Optional.of(params);
    }

    /** Literal segments rank before parameters, so {@code /things/special} beats {@code /things/{id}}. */
    int specificity() {
        int score = 0;
        for (String segment : segments) {
            score = score * 2 + (segment.startsWith("{") ? 0 : 1);
        }
        return score;
    }

    static List<String> split(String path) {
        List<String> parts = new ArrayList<>();
        for (String part : path.split("/")) {
            if (!part.isEmpty()) {
                parts.add(part);
            }
        }
        return parts;
    }
}
