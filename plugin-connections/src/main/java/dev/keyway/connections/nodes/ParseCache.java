package dev.keyway.connections.nodes;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Parsed forms of the texts nodes read from their properties (templates, dot paths): a pattern's
 * properties are the same on every execution, so each is parsed once rather than per run. Bounded:
 * past {@link #LIMIT} texts the cache starts over. Holds pattern text only, never a run's values.
 */
final class ParseCache<T> {

    static final int LIMIT = 1024;

    private final Map<String, T> parsed = new ConcurrentHashMap<>();
    private final Function<String, T> parser;

    ParseCache(Function<String, T> parser) {
        this.parser = parser;
    }

    int size() {
        return parsed.size();
    }

    /** The parsed form of {@code text}; a text the parser refuses throws each time and is not kept. */
    T get(String text) {
        T known = parsed.get(text);
        if (known != null) {
            return known;
        }
        T fresh = parser.apply(text);
        if (parsed.size() >= LIMIT) {
            parsed.clear();
        }
        parsed.put(text, fresh);
        return fresh;
    }
}
