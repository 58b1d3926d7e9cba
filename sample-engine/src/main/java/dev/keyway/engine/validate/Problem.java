package dev.keyway.engine.validate;

import dev.keyway.api.support.VisibleText;
import java.util.Comparator;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One thing wrong with a pattern file.
 *
 * @param pointer RFC 6901 JSON Pointer to the offending value, e.g. {@code /nodes/2/inputs/headers};
 *                {@code ""} for the whole document
 * @param message a plain sentence: what is wrong and what to do next; never quotes secret values
 * @param line    1-based line in the file, 0 when unknown
 * @param column  1-based column in the file, 0 when unknown
 */
public record Problem(String pointer, String message, int line, int column) {

    /** File order, so people can fix problems top to bottom. */
    public static final Comparator<Problem> IN_FILE_ORDER =
            Comparator.comparingInt(Problem::line).thenComparingInt(Problem::column);

    /** Longest quote of the file in a message, and longest message. */
    private static final int MAX_QUOTE = 80;
    private static final int MAX_MESSAGE = 800;
    private static final Pattern LONG_QUOTE = Pattern.compile("'([^']{" + (MAX_QUOTE + 1) + ",})'");

    public Problem {
        Objects.requireNonNull(pointer, "pointer");
        Objects.requireNonNull(message, "message");
        message = readable(message);
    }

    /**
     * Messages quote what the file says, and the file may say anything: invisible characters are
     * written as escapes, and in a message grown too long the long quotes are cut short, so a
     * problem never rewrites the terminal it is printed on and is never ten thousand characters.
     */
    private static String readable(String message) {
        String visible = VisibleText.escaped(message);
        if (visible.length() <= MAX_MESSAGE) {
            return visible;
        }
        String shortened = shortenQuotes(visible);
        return shortened.length() > MAX_MESSAGE ? shortened.substring(0, MAX_MESSAGE) + "..." : shortened;
    }

    private static String shortenQuotes(String message) {
        Matcher quote = LONG_QUOTE.matcher(message);
        StringBuilder shortened = new StringBuilder();
        while (quote.find()) {
            String quoted = quote.group(1);
            quote.appendReplacement(shortened, Matcher.quoteReplacement(
                    "'" + quoted.substring(0, MAX_QUOTE / 2) + "...' (" + quoted.length() + " characters)"));
        }
        quote.appendTail(shortened);
        return shortened.toString();
    }

    /** {@code 3:14 /nodes/0/type: message}, the form CLIs print. */
    @Override
    public String toString() {
        return line + ":" + column + " " + (pointer.isEmpty() ? "/" : pointer) + ": " + message;
    }
}
