package dev.keyway.engine.record;

/** JSON string escaping in the variants serialisers produce, for finding escaped secrets. */
final class JsonEscapes {

    private JsonEscapes() {
    }

    /**
     * @param slash    whether '/' is written as {@code \/}
     * @param nonAscii whether characters above 0x7E are written as {@code \}{@code uXXXX}
     * @param upperHex whether {@code \}{@code u} escapes use upper-case hex digits (Jackson does)
     */
    static String escape(String text, boolean slash, boolean nonAscii, boolean upperHex) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '/' -> out.append(slash ? "\\/" : "/");
                default -> {
                    if (c < 0x20 || (nonAscii && c > 0x7e)) {
                        out.append(String.format(upperHex ? "\\u%04X" : "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
