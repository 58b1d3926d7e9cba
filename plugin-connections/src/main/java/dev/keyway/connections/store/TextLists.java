package dev.keyway.connections.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Lists stored in one column, newline-separated: cheaper than JSON on the resolve path, and the
 * values (scopes, tags, hosts, user names) are validated to hold no control characters.
 */
final class TextLists {

    private TextLists() {
    }

    static String join(String what, Collection<String> values) {
        StringBuilder out = new StringBuilder();
        for (String value : values) {
            if (value == null || value.isBlank() || value.chars().anyMatch(Character::isISOControl)) {
                throw new InvalidRequestException("%s value '%s' is empty or holds control characters", what,
                        value == null ? "" : value.replaceAll("\\p{Cntrl}", "?"));
            }
            if (out.length() > 0) {
                out.append('\n');
            }
            out.append(value.strip());
        }
        if (out.length() > 4000) {
            throw new InvalidRequestException("too many %s values (more than 4000 characters together)", what);
        }
        return out.toString();
    }

    static List<String> split(String stored) {
        if (stored == null || stored.isEmpty()) {
            return List.of();
        }
        List<String> values = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= stored.length(); i++) {
            if (i == stored.length() || stored.charAt(i) == '\n') {
                values.add(stored.substring(start, i));
                start = i + 1;
            }
        }
        return values;
    }
}
