package dev.keyway.connections.store;

import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import javax.sql.DataSource;

/**
 * A tiny pool of held {@link Session}s. No evictor thread (nothing to stop when the plugin unloads):
 * sessions are opened on demand up to the limit and checked only after a failure.
 */
final class SessionPool implements AutoCloseable {

    private static final int MAX_RETRIES = 8;

    private final DataSource dataSource;
    private final int limit;
    private final BlockingQueue<Session> idle;
    private final List<Session> all = new CopyOnWriteArrayList<>();
    private final AtomicInteger opened = new AtomicInteger();
    private volatile boolean closed;

    /** The database the pool's sessions come from; for benchmarks that compare with raw JDBC. */
    DataSource dataSource() {
        return dataSource;
    }

    SessionPool(DataSource dataSource, int limit) {
        this.dataSource = dataSource;
        this.limit = limit;
        this.idle = new ArrayBlockingQueue<>(limit);
    }

    /** Runs {@code work} in auto-commit mode (single statements and reads). */
    <T> T read(String operation, SqlWork<T> work) {
        Session session = borrow(operation);
        boolean healthy = true;
        try {
            return work.run(session);
        } catch (SQLException e) {
            healthy = session.isValid();
            throw failure(operation, e);
        } finally {
            giveBack(session, healthy);
        }
    }

    /**
     * Runs {@code work} in one transaction, retrying a few times when the database reports a
     * serialization conflict (SQLState 40001, e.g. two transactions that deadlocked) or a unique-key
     * violation (23505): two transactions that checked a key was free (a secret name, a share) and
     * inserted it; the later insert fails, and on a retry its check sees the winner's row.
     */
    <T> T write(String operation, SqlWork<T> work) {
        for (int attempt = 1; ; attempt++) {
            Session session = borrow(operation);
            boolean healthy = true;
            try {
                session.connection().setAutoCommit(false);
                T result = work.run(session);
                session.connection().commit();
                return result;
            } catch (SQLException e) {
                rollback(session);
                healthy = session.isValid();
                if (!isConflict(e)) {
                    throw failure(operation, e);
                }
                if (attempt == MAX_RETRIES) {
                    throw new StoreException(e, "the connection store could not %s: other writers kept changing "
                            + "the same rows (SQLState %s); retry in a moment", operation, e.getSQLState());
                }
            } catch (RuntimeException e) {
                rollback(session);
                throw e;
            } finally {
                restoreAutoCommit(session);
                giveBack(session, healthy);
            }
            backOff(attempt);
        }
    }

    /**
     * Two transactions that deadlocked and retry at once tend to deadlock again; a random pause,
     * longer each time, lets one of them through first.
     */
    private static void backOff(int attempt) {
        LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(TimeUnit.MILLISECONDS.toNanos(5L * attempt)));
    }

    private static boolean isConflict(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("40") || state.equals("23505"));
    }

    private Session borrow(String operation) {
        if (closed) {
            throw new StoreException("cannot %s: the connection store is closed; this happens when the plugin is "
                    + "stopping", operation);
        }
        Session session = idle.poll();
        if (session != null) {
            return session;
        }
        if (opened.incrementAndGet() <= limit) {
            try {
                Session fresh = new Session(dataSource.getConnection());
                all.add(fresh);
                return fresh;
            } catch (SQLException e) {
                opened.decrementAndGet();
                throw failure(operation, e);
            }
        }
        opened.decrementAndGet();
        try {
            session = idle.poll(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while waiting to %s", operation);
        }
        if (session == null) {
            throw new StoreException("cannot %s: all %d database connections stayed busy for 30 s; raise the pool "
                    + "size or look for a stuck caller", operation, limit);
        }
        return session;
    }

    private void giveBack(Session session, boolean healthy) {
        if (!healthy || closed) {
            all.remove(session);
            session.close();
            opened.decrementAndGet();
            return;
        }
        idle.offer(session);
    }

    private static void rollback(Session session) {
        try {
            session.connection().rollback();
        } catch (SQLException ignored) {
            // The session is checked before it goes back to the pool.
        }
    }

    private static void restoreAutoCommit(Session session) {
        try {
            session.connection().setAutoCommit(true);
        } catch (SQLException ignored) {
            // A broken session fails its validity check and is dropped.
        }
    }

    private static StoreException failure(String operation, SQLException e) {
        return new StoreException(e, "the connection store could not %s (SQLState %s: %s); check that the database "
                + "is reachable and not full", operation, e.getSQLState(), e.getMessage());
    }

    /** Closes every session; {@code lastWords} (e.g. SHUTDOWN) runs first on one of them. */
    void close(String lastWords) {
        closed = true;
        Session last = idle.poll();
        if (last == null && !all.isEmpty()) {
            last = all.get(0);
        }
        if (lastWords != null) {
            try {
                if (last == null) {
                    last = new Session(dataSource.getConnection());
                    all.add(last);
                }
                try (var statement = last.connection().createStatement()) {
                    statement.execute(lastWords);
                }
            } catch (SQLException ignored) {
                // Best effort: the database may already be down.
            }
        }
        all.forEach(Session::close);
        all.clear();
        idle.clear();
    }

    @Override
    public void close() {
        close(null);
    }
}
