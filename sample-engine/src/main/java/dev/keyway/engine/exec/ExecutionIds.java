package dev.keyway.engine.exec;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;

/** Execution ids that sort by start time and are safe as file names: {@code ex-20261122T014500123Z-1a2b3c4d}. */
final class ExecutionIds {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);

    private ExecutionIds() {
    }

    static String next(Instant startedAt) {
        String random = Integer.toHexString(ThreadLocalRandom.current().nextInt());
        return "ex-" + TIME.format(startedAt) + "-" + "0".repeat(8 - random.length()) + random;
    }
}
