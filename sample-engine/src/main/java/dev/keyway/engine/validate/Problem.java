package dev.keyway.engine.validate;

import java.util.Comparator;
import java.util.Objects;

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

    public Problem {
        Objects.requireNonNull(pointer, "pointer");
        Objects.requireNonNull(message, "message");
    }

    /** {@code 3:14 /nodes/0/type: message}, the form CLIs print. */
    @Override
    public String toString() {
        return line + ":" + column + " " + (pointer.isEmpty() ? "/" : pointer) + ": " + message;
    }
}
