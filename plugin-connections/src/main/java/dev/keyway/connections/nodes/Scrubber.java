package dev.keyway.connections.nodes;

import dev.keyway.api.Secret;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Masks credential plaintexts in values a node returns, e.g. an API that echoes the request's
 * Authorization header in its body. The host masks registered secrets too; this keeps the node's
 * outputs clean even on a host that does not.
 */
final class Scrubber {

    /** Shorter values would mask ordinary words; no real credential is this short. */
    private static final int MIN_LENGTH = 4;

    private final List<String> plaintexts = new ArrayList<>();

    Scrubber(List<Secret> secrets) {
        for (Secret secret : secrets) {
            if (!secret.isDestroyed() && secret.length() >= MIN_LENGTH) {
                plaintexts.add(secret.reveal());
            }
        }
        // Longest first, so "Bearer abc" is masked whole before "abc" is.
        plaintexts.sort((a, b) -> b.length() - a.length());
    }

    Object scrub(Object value) {
        if (plaintexts.isEmpty()) {
            return value;
        }
        if (value instanceof String text) {
            for (String plaintext : plaintexts) {
                text = text.replace(plaintext, Secret.MASK);
            }
            return text;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put((String) scrub(String.valueOf(k)), scrub(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(item -> copy.add(scrub(item)));
            return copy;
        }
        return value;
    }
}
