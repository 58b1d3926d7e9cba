package dev.keyway.engine.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class UtcTextTest {

    @Test
    void writesWhatInstantToStringWrites() {
        for (String text : new String[] {"2026-12-04T21:30:29Z", "2026-12-04T21:30:29.712Z", "2026-12-04T21:30:29.712400Z",
                "2026-12-04T21:30:29.712404639Z", "1970-01-01T00:00:00Z", "0001-01-01T00:00:00.000000001Z",
                "9999-12-31T23:59:59.999999999Z", "2028-02-29T12:00:00.100Z", "-0001-01-01T00:00:00Z",
                "+10000-01-01T00:00:00Z"}) {
            Instant instant = Instant.parse(text);
            assertThat(UtcText.iso(instant)).isEqualTo(instant.toString());
        }
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 20_000; i++) {
            long seconds = random.nextLong(-62_000_000_000L, 253_402_300_799L);
            int nano = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant instant = Instant.ofEpochSecond(seconds, nano);
            assertThat(UtcText.iso(instant)).as("%d.%09d", seconds, nano).isEqualTo(instant.toString());
        }
    }
}
