package dev.keyway.connections.api;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The API's one time format, as in the reference: {@code 2026-02-15T10:00:00.000Z}, always milliseconds. */
final class Timestamps {

    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private Timestamps() {
    }

    /** The instant formatted, or null for null so absent times stay absent. */
    static String format(Instant instant) {
        return instant == null ? null : FORMAT.format(instant);
    }
}
