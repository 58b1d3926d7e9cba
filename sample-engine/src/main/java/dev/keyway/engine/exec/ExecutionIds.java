package dev.keyway.engine.exec;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.ThreadLocalRandom;

/** Execution ids that sort by start time and are safe as file names: {@code ex-20261122T014500123Z-1a2b3c4d}. */
final class ExecutionIds {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private ExecutionIds() {
    }

    /** Formatted by hand: a DateTimeFormatter here cost more than the rest of an in-memory execution's set-up. */
    static String next(Instant startedAt) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(startedAt.getEpochSecond(), startedAt.getNano(), ZoneOffset.UTC);
        StringBuilder id = new StringBuilder(32).append("ex-");
        digits(id, t.getYear(), 4);
        digits(id, t.getMonthValue(), 2);
        digits(id, t.getDayOfMonth(), 2);
        id.append('T');
        digits(id, t.getHour(), 2);
        digits(id, t.getMinute(), 2);
        digits(id, t.getSecond(), 2);
        digits(id, t.getNano() / 1_000_000, 3);
        id.append("Z-");
        int random = ThreadLocalRandom.current().nextInt();
        for (int shift = 28; shift >= 0; shift -= 4) {
            id.append(HEX[(random >>> shift) & 0xf]);
        }
        return id.toString();
    }

    private static void digits(StringBuilder out, int value, int width) {
        String text = Integer.toString(value);
        for (int i = text.length(); i < width; i++) {
            out.append('0');
        }
        out.append(text);
    }
}
