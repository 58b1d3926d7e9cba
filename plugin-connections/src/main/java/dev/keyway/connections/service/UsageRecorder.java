package dev.keyway.connections.service;

import dev.keyway.connections.store.ConnectionStore;
import dev.keyway.connections.store.UsageEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the usage trail off the execution's path, in batches. Every store commit is synced to
 * disk, so one commit per credential use cost milliseconds per execution; one writer thread now
 * commits whatever has queued up (up to {@value #BATCH} events) at once.
 *
 * <p>Each commit's sync holds the database's transaction lock, so connection lookups on the
 * execution path wait behind it: the writer commits on a slow beat, a few times a second, to keep
 * those waits rare (measured at one execution at a time, a 20 ms beat parked lookups for 5% of the
 * execution's time).
 *
 * <p>The price: events of the last moments before a hard kill may be lost, and the trail lags a
 * use by up to {@code POLL} (200 ms). When the queue is full (the disk cannot keep up), uses are counted
 * as dropped and logged rather than slowing executions down. {@link #close()} writes what is
 * queued.
 */
public final class UsageRecorder implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(UsageRecorder.class);
    static final int BATCH = 5_000;
    private static final int CAPACITY = 100_000;
    private static final Duration POLL = Duration.ofMillis(200);

    private final ConnectionStore store;
    private final BlockingQueue<UsageEvent> queue = new ArrayBlockingQueue<>(CAPACITY);
    private final AtomicLong dropped = new AtomicLong();
    /** Events accepted into the queue, and events the writer is done with (written or dropped). */
    private final AtomicLong queued = new AtomicLong();
    private final AtomicLong handled = new AtomicLong();
    private final Thread writer;
    private volatile boolean closing;

    public UsageRecorder(ConnectionStore store) {
        this.store = store;
        this.writer = new Thread(this::drainLoop, "keyway-usage-writer");
        writer.setDaemon(true);
        writer.start();
    }

    /** Queues an event; never blocks the caller. */
    public void record(UsageEvent event) {
        if (closing || !queue.offer(event)) {
            long count = dropped.incrementAndGet();
            if (count == 1 || count % 10_000 == 0) {
                LOG.warn("usage trail is behind: {} connection uses not recorded so far", count);
            }
            return;
        }
        queued.incrementAndGet();
    }

    /**
     * Waits (at most 10 s) until everything queued before the call is written; for tests and orderly
     * shutdown. Uses queued later do not hold it up.
     */
    public void flush() {
        long target = queued.get();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (handled.get() < target && System.nanoTime() < deadline) {
            LockSupport.unpark(writer);
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    public long dropped() {
        return dropped.get();
    }

    /**
     * Polls on a fixed beat instead of waiting on the queue: a blocking take would make every
     * {@link #record} wake this thread, a cost paid on the execution's path.
     */
    private void drainLoop() {
        List<UsageEvent> batch = new ArrayList<>(BATCH);
        while (!closing || !queue.isEmpty()) {
            queue.drainTo(batch, BATCH);
            if (!batch.isEmpty()) {
                write(batch);
                handled.addAndGet(batch.size());
                batch.clear();
            }
            // The beat holds between commits too, not only when idle: under load a writer that went
            // straight back to the queue would commit (and sync) a handful of events at a time.
            if (!closing && queue.size() < BATCH) {
                LockSupport.parkNanos(this, POLL.toNanos());
            }
        }
    }

    /**
     * Writes a batch in one transaction. If the store refuses it, the batch is halved until the
     * refused events stand alone: one bad event (a connection deleted meanwhile is fine, but say a
     * value too long for its column) must not cost the thousands of uses queued beside it.
     */
    private void write(List<UsageEvent> batch) {
        try {
            store.recordUsage(batch);
        } catch (RuntimeException e) {
            if (batch.size() > 1) {
                int half = batch.size() / 2;
                write(batch.subList(0, half));
                write(batch.subList(half, batch.size()));
                return;
            }
            long count = dropped.incrementAndGet();
            if (count == 1 || count % 10_000 == 0) {
                LOG.warn("could not record a use of connection {} ({} uses not recorded so far): {}",
                        batch.get(0).connectionId(), count, e.getMessage());
            }
        }
    }

    /** Writes what is queued, then stops the writer thread. */
    @Override
    public void close() {
        closing = true;
        LockSupport.unpark(writer);
        try {
            writer.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // A record() that saw closing == false just before the writer's last look leaves an event behind.
        if (!writer.isAlive()) {
            List<UsageEvent> late = new ArrayList<>();
            queue.drainTo(late);
            if (!late.isEmpty()) {
                write(late);
                handled.addAndGet(late.size());
            }
        }
    }
}
