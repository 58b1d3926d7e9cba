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
}
