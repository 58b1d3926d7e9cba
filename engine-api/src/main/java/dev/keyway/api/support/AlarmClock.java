package dev.keyway.api.support;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Coarse alarms for deadlines that almost never fire: one daemon thread checks them on a fixed
 * tick, so setting and cancelling an alarm never wakes another thread.
 *
 * <p>Why not a {@code ScheduledExecutorService}: scheduling a task that becomes the earliest one
 * signals the timer thread, and on virtual machines that wake-up costs tens of microseconds, per
 * request, for an alarm that is then cancelled. Here an alarm fires up to one tick late; the
 * thread ticks only while alarms are pending and parks once none have been for a while.
 *
 * <p>Actions run on the alarm thread, so they must be short (cancel a request, interrupt a
 * thread). Thread-safe.
 */
public final class AlarmClock implements AutoCloseable {

    private static final int IDLE_TICKS_BEFORE_PARKING = 200;

    private final Set<Alarm> pending = ConcurrentHashMap.newKeySet();
    private final long tickNanos;
    private final Thread thread;
    private volatile boolean parked;
    private volatile boolean closed;

    /**
     * Starts the alarm thread.
     *
     * @param name thread name, shown in thread dumps
     * @param tick how often pending alarms are checked: the most an alarm fires late
     */
    public AlarmClock(String name, Duration tick) {
        Objects.requireNonNull(name, "name");
        if (tick == null || tick.isNegative() || tick.isZero()) {
            throw new IllegalArgumentException("tick must be positive, got " + tick);
        }
        this.tickNanos = tick.toNanos();
        this.thread = new Thread(this::loop, name);
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Runs {@code action} once {@code delay} has passed, unless the returned alarm is cancelled first.
     *
     * @throws IllegalStateException once this clock is closed
     */
    public Alarm schedule(Duration delay, Runnable action) {
        Objects.requireNonNull(delay, "delay");
        Objects.requireNonNull(action, "action");
        if (closed) {
            throw new IllegalStateException("alarm clock " + thread.getName() + " is closed");
        }
        Alarm alarm = new Alarm(System.nanoTime() + Math.max(0, delay.toNanos()), action);
        pending.add(alarm);
        // Read after the add: either the thread sees the alarm before parking, or it is parked and gets woken.
        if (parked) {
            LockSupport.unpark(thread);
        }
        return alarm;
    }

    /** Alarms set and not yet fired or cancelled. */
    public int pending() {
        return pending.size();
    }

    private void loop() {
        int idleTicks = 0;
        while (!closed) {
            long now = System.nanoTime();
            for (Alarm alarm : pending) {
                if (now - alarm.at >= 0 && pending.remove(alarm)) {
                    fire(alarm);
                }
            }
            if (!pending.isEmpty()) {
                idleTicks = 0;
            } else if (++idleTicks >= IDLE_TICKS_BEFORE_PARKING) {
                parked = true;
                if (pending.isEmpty() && !closed) {
                    LockSupport.park(this);
                }
                parked = false;
                idleTicks = 0;
                continue;
            }
            LockSupport.parkNanos(this, tickNanos);
        }
    }

    private static void fire(Alarm alarm) {
        try {
            alarm.action.run();
        } catch (Throwable e) {
            // An action that throws must not stop the clock for every other deadline.
            Thread.UncaughtExceptionHandler handler = Thread.currentThread().getUncaughtExceptionHandler();
            handler.uncaughtException(Thread.currentThread(), e);
        }
    }

    /** Stops the thread; pending alarms never fire. Idempotent. */
    @Override
    public void close() {
        closed = true;
        pending.clear();
        LockSupport.unpark(thread);
        try {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One pending alarm. */
    public final class Alarm {

        private final long at;
        private final Runnable action;

        private Alarm(long at, Runnable action) {
            this.at = at;
            this.action = action;
        }

        /** Prevents the action from running; returns false when it already ran (or is running). */
        public boolean cancel() {
            return pending.remove(this);
        }
    }
}
