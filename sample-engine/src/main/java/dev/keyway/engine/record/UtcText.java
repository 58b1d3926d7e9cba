package dev.keyway.engine.record;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * UTC times as text, written without a DateTimeFormatter: every execution needs two (its id and
 * its audit line) and the formatter cost more than the rest of either.
 */
public final class UtcText {

    private UtcText() {
    }

    /** The same text as {@code instant.toString()}. */
    public static String iso(Instant instant) {
        LocalDateTime t = utc(instant);
        if (t.getYear() < 0 || t.getYear() > 9999) {
            return instant.toString(); // signs and wide years: leave them to the JDK
        }
        StringBuilder out = new StringBuilder(30);
        digits(out, t.getYear(), 4).append('-');
        digits(out, t.getMonthValue(), 2).append('-');
        digits(out, t.getDayOfMonth(), 2).append('T');
        digits(out, t.getHour(), 2).append(':');
        digits(out, t.getMinute(), 2).append(':');
        digits(out, t.getSecond(), 2);
        int nano = instant.getNano();
        // As ISO_INSTANT: no fraction, or 3, 6 or 9 digits, whichever shows the value exactly.
        if (nano != 0) {
            out.append('.');
            if (nano % 1_000_000 == 0) {
                digits(out, nano / 1_000_000, 3);
            } else if (nano % 1_000 == 0) {
                digits(out, nano / 1_000, 6);
            } else {
                digits(out, nano, 9);
            }
        }
        return out.append('Z').toString();
    }

    /** {@code yyyyMMdd'T'HHmmssSSS'Z'}, for names that sort by time; years 0 to 9999. */
    public static String compact(Instant instant) {
        LocalDateTime t = utc(instant);
        StringBuilder out = new StringBuilder(20);
        digits(out, t.getYear(), 4);
        digits(out, t.getMonthValue(), 2);
        digits(out, t.getDayOfMonth(), 2).append('T');
        digits(out, t.getHour(), 2);
        digits(out, t.getMinute(), 2);
        digits(out, t.getSecond(), 2);
        digits(out, instant.getNano() / 1_000_000, 3);
        return out.append('Z').toString();
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
    }

    private static StringBuilder digits(StringBuilder out, int value, int width) {
        String text = Integer.toString(value);
        for (int i = text.length(); i < width; i++) {
            out.append('0');
        }
        return out.append(text);
    }
}
