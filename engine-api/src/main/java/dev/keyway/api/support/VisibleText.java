package dev.keyway.api.support;

import java.util.Optional;

/**
 * Checks for text that people read: names, labels, hosts, messages. A control character (NUL,
 * escape, a line break) in such text can rewrite a terminal or split a log line; a bidirectional
 * control can make it display as something else than it is (an id that reads "slack" but is
 * not); half of a surrogate pair is not Unicode text at all and cannot be written as UTF-8.
 */
public final class VisibleText {

    private VisibleText() {
    }

    /**
     * The first character of {@code text} that does not belong in one line of visible text, for a
     * message (e.g. {@code "U+202E (a right-to-left override)"}); empty when every character fits.
     *
     * @param lineBreaks whether line feeds and tabs are allowed (a description, not a name)
     */
    public static Optional<String> firstUnfit(String text, boolean lineBreaks) {
        int surrogate = unpairedSurrogate(text);
        if (surrogate >= 0) {
            return Optional.of(codePoint(text.charAt(surrogate)) + " (half of a surrogate pair)");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (lineBreaks && (c == '\n' || c == '\t')) {
                continue;
            }
            if (Character.getType(c) == Character.CONTROL) {
                return Optional.of(codePoint(c) + " (a control character)");
            }
            if (isBidiControl(c)) {
                return Optional.of(codePoint(c) + " (a bidirectional control that reorders what is displayed)");
            }
        }
        return Optional.empty();
    }

    /** The index of the first surrogate in {@code text} without its partner, or -1 when there is none. */
    public static int unpairedSurrogate(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    /** {@code text} with every character that {@link #firstUnfit} refuses written as {@code \\uXXXX}, for quoting in a message. */
    public static String escaped(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean paired = Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))
                    || Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
            if (Character.getType(c) == Character.CONTROL || isBidiControl(c) || Character.isSurrogate(c) && !paired) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069): the characters of "Trojan Source". */
    private static boolean isBidiControl(char c) {
        return c >= '\u202A' && c <= '\u202E' || c >= '\u2066' && c <= '\u2069';
    }

    private static String codePoint(char c) {
        return String.format("U+%04X", (int) c);
    }
}
