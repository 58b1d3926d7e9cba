package dev.keyway.engine.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ExecutionIdsTest {

    @Test
    void idsSortByStartTimeAndAreFileNameSafe() {
        String earlier = ExecutionIds.next(Instant.parse("2026-01-01T09:00:00Z"));
        String later = ExecutionIds.next(Instant.parse("2026-01-01T10:00:00.5Z"));

        assertThat(earlier).matches("ex-20260101T090000000Z-[0-9a-f]{8}");
        assertThat(later).isGreaterThan(earlier);
    }

    @Test
    void theTimePartMatchesTheInstantInUtcToTheMillisecond() {
        java.time.format.DateTimeFormatter reference = java.time.format.DateTimeFormatter
                .ofPattern("yyyyMMdd'T'HHmmssSSS'Z'").withZone(java.time.ZoneOffset.UTC);
        for (String time : new String[] {"1999-12-31T23:59:59.999999Z", "2026-02-28T00:00:00.001Z",
                "2028-02-29T12:34:56.789Z", "2026-11-22T01:45:00Z"}) {
            Instant instant = Instant.parse(time);
            assertThat(ExecutionIds.next(instant)).startsWith("ex-" + reference.format(instant) + "-");
        }
    }
}
