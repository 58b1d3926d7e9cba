package dev.keyway.engine.json;

/** Builds RFC 6901 JSON Pointers. */
public final class JsonPointers {

    private JsonPointers() {
    }

    /** {@code base} followed by one reference token, escaped ({@code ~} as {@code ~0}, {@code /} as {@code ~1}). */
    public static String append(String base, String token) {
        return base + "/" + token.replace("~", "~0").replace("/", "~1");
    }

    public static String append(String base, int index) {
        return base + "/" + index;
    }

    /** The unescaped reference tokens of a pointer; empty for the whole document ({@code ""}). */
    public static java.util.List<String> tokens(String pointer) {
        if (pointer.isEmpty()) {
            return java.util.List.of();
        }
        String[] raw = pointer.substring(1).split("/", -1);
        java.util.List<String> tokens = new java.util.ArrayList<>(raw.length);
        for (String token : raw) {
            tokens.add(token.replace("~1", "/").replace("~0", "~"));
        }
        return tokens;
    }
}
