package dev.keyway.engine.exec;

import dev.keyway.engine.record.UtcText;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

/** Execution ids that sort by start time and are safe as file names: {@code ex-20261122T014500123Z-1a2b3c4d}. */
final class ExecutionIds {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private ExecutionIds() {
    }

    static String next(Instant startedAt) {
        StringBuilder id = new StringBuilder(32).append("ex-").append(UtcText.compact(startedAt)).append('-');
        int random = ThreadLocalRandom.current().nextInt();
        for (int shift = 28; shift >= 0; shift -= 4) {
            id.append(HEX[(random >>> shift) & 0xf]);
        }
        return id.toString();
    }
}
