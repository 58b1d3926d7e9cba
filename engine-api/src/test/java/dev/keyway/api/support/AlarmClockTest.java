package dev.keyway.api.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AlarmClockTest {

    @Test
    void firesOnceTheDelayHasPassed() throws InterruptedException {
        try (AlarmClock clock = new AlarmClock("test-alarms", Duration.ofMillis(2))) {
            CountDownLatch fired = new CountDownLatch(1);
            long start = System.nanoTime();
            clock.schedule(Duration.ofMillis(30), fired::countDown);

            assertThat(fired.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(30));
            assertThat(clock.pending()).isZero();
        }
    }

    @Test
    void aCancelledAlarmNeverFires() throws InterruptedException {
        try (AlarmClock clock = new AlarmClock("test-alarms", Duration.ofMillis(2))) {
            AtomicInteger fired = new AtomicInteger();
            AlarmClock.Alarm alarm = clock.schedule(Duration.ofMillis(20), fired::incrementAndGet);
            CountDownLatch later = new CountDownLatch(1);
            clock.schedule(Duration.ofMillis(60), later::countDown);

            assertThat(alarm.cancel()).isTrue();
            assertThat(later.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(fired).hasValue(0);
            assertThat(alarm.cancel()).isFalse();
        }
    }

    @Test
    void aThrowingActionDoesNotStopLaterAlarms() throws InterruptedException {
        try (AlarmClock clock = new AlarmClock("test-alarms", Duration.ofMillis(2))) {
            CountDownLatch survived = new CountDownLatch(1);
            clock.schedule(Duration.ZERO, () -> {
                throw new IllegalStateException("boom (expected by the test)");
            });
            clock.schedule(Duration.ofMillis(10), survived::countDown);

            assertThat(survived.await(5, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void wakesUpForANewAlarmAfterParkingIdle() throws InterruptedException {
        // 200 idle ticks of 1 ms park the thread; an alarm set afterwards must still fire.
        try (AlarmClock clock = new AlarmClock("test-alarms", Duration.ofMillis(1))) {
            Thread.sleep(400);
            CountDownLatch fired = new CountDownLatch(1);
            clock.schedule(Duration.ofMillis(5), fired::countDown);

            assertThat(fired.await(5, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void closeStopsTheThreadAndRefusesNewAlarms() {
        AlarmClock clock = new AlarmClock("test-alarms-closing", Duration.ofMillis(2));
        clock.close();

        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("test-alarms-closing"));
        assertThatThrownBy(() -> clock.schedule(Duration.ZERO, () -> { }))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }

    @Test
    void refusesANonPositiveTick() {
        assertThatThrownBy(() -> new AlarmClock("x", Duration.ZERO)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tick must be positive");
    }
}
