package dev.keyway.connections.testing;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs tasks on many threads at once and insists they all end within a bound. A deadlock or a hang
 * then fails the test with a thread dump (where everyone waits) instead of stalling the build.
 */
public final class Concurrently {

    private Concurrently() {
    }

    /**
     * Starts every task together (they wait on one gate) on {@code threads} threads.
     *
     * @return the results, in the order of {@code tasks}
     * @throws AssertionError if a task throws, or they do not all end within {@code bound}
     */
    public static <T> List<T> run(int threads, Duration bound, List<? extends Callable<T>> tasks) {
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread thread = new Thread(r, "concurrently");
            thread.setDaemon(true);
            return thread;
        });
        CountDownLatch gate = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(pool.submit(() -> {
                    gate.await();
                    return task.call();
                }));
            }
            gate.countDown();
            long deadline = System.nanoTime() + bound.toNanos();
            List<T> results = new ArrayList<>();
            for (int i = 0; i < futures.size(); i++) {
                try {
                    results.add(futures.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
                } catch (TimeoutException e) {
                    throw new AssertionError("task " + i + " of " + tasks.size() + " did not end within " + bound
                            + "; threads:\n" + threadDump());
                } catch (ExecutionException e) {
                    throw new AssertionError("task " + i + " failed: " + e.getCause(), e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted", e);
                }
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Every live thread with its full stack and the locks it waits on; Java-level deadlocks first. */
    public static String threadDump() {
        StringBuilder dump = new StringBuilder();
        long[] deadlocked = ManagementFactory.getThreadMXBean().findDeadlockedThreads();
        if (deadlocked != null) {
            dump.append("deadlocked thread ids: ").append(java.util.Arrays.toString(deadlocked)).append('\n');
        }
        for (ThreadInfo info : ManagementFactory.getThreadMXBean().dumpAllThreads(true, true)) {
            dump.append('"').append(info.getThreadName()).append("\" #").append(info.getThreadId()).append(' ')
                    .append(info.getThreadState());
            if (info.getLockName() != null) {
                dump.append(" on ").append(info.getLockName());
            }
            if (info.getLockOwnerName() != null) {
                dump.append(" held by \"").append(info.getLockOwnerName()).append('"');
            }
            dump.append('\n');
            for (StackTraceElement frame : info.getStackTrace()) {
                dump.append("    at ").append(frame).append('\n');
            }
        }
        return dump.toString();
    }
}
