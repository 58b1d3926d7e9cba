package dev.keyway.connections.cli;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How instants look: the REST API's millisecond ISO form in JSON, minutes in tables. */
final class Times {

    private static final DateTimeFormatter WIRE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TABLE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneOffset.UTC);

    private Times() {
    }

    /** For JSON; null stays null. */
    static String wire(Instant at) {
        return at == null ? null : WIRE.format(at);
    }

    /** For tables (UTC); {@code never} when null. */
    static String table(Instant at, String never) {
        return at == null ? never : TABLE.format(at);
    }
}
