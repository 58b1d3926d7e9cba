package dev.keyway.api.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Operations per second of a task run back to back by a number of threads for a while: the one
 * loop every Keyway benchmark uses, so figures measured by different benchmarks compare.
 */
public final class Throughput {

    private Throughput() {
    }

    /** One operation; any exception ends the measurement and is rethrown. */
    @FunctionalInterface
    public interface Operation {
        void run() throws Exception;
    }

    /**
     * Runs each operation in turn, {@code rounds} times, for {@code each} per turn, and drops the
     * figures: a warm-up that lets the JIT compiler finish with every side of a comparison before
     * any of them is measured (on two cores it otherwise takes much of a CPU for tens of seconds,
     * and the side with more code pays more for it).
     */
    public static void warmUp(Duration each, int rounds, int threads, Operation... operations) {
        for (int round = 0; round < rounds; round++) {
            for (Operation operation : operations) {
                measure(each, threads, operation);
            }
        }
    }

    /**
     * Runs {@code operation} on {@code threads} threads for {@code duration}.
     *
     * @return completed operations per second
     * @throws IllegalStateException wrapping the first failure of an operation
     */
    public static double measure(Duration duration, int threads, Operation operation) {
        Objects.requireNonNull(operation, "operation");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("duration must be positive, got " + duration);
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "keyway-bench-load");
            thread.setDaemon(true);
            return thread;
        });
        AtomicLong done = new AtomicLong();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                workers.add(pool.submit(() -> {
                    while (end - System.nanoTime() > 0) {
                        operation.run();
                        done.incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
            return done.get() / ((System.nanoTime() - start) / 1e9);
        } catch (ExecutionException e) {
            throw new IllegalStateException("an operation failed during the measurement: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while measuring", e);
        } finally {
            pool.shutdownNow();
            try {
                pool.awaitTermination(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
