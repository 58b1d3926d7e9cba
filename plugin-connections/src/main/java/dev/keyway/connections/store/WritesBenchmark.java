package dev.keyway.connections.store;

import dev.keyway.api.Benchmark;
import dev.keyway.api.BenchmarkContext;
import dev.keyway.api.BenchmarkFigure;
import dev.keyway.api.KeywayException;
import dev.keyway.api.Principal;
import dev.keyway.api.Secret;
import dev.keyway.api.support.Throughput;
import dev.keyway.connections.ConnectionType;
import dev.keyway.connections.crypto.Bytes;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.pf4j.Extension;

/**
 * Durable connection writes per second (validate, encrypt, insert, commit synced to disk), against
 * a raw INSERT + COMMIT of a row of the same size into the same database: the disk's share.
 */
@Extension
public final class WritesBenchmark implements Benchmark {

    private static final Principal OWNER = new Principal("bench", "acme");

    @Override
    public String name() {
        return "writes";
    }

    @Override
    public String description() {
        return "durable connection writes vs a raw INSERT + COMMIT of the same size in the same database";
    }

    @Override
    public List<BenchmarkFigure> run(BenchmarkContext context) {
        StoreOptions options = StoreOptions.embedded(context.scratch(),
                Map.of("KEYWAY_MASTER_KEY", Base64.getEncoder().encodeToString(Bytes.random(32))));
        AtomicLong counter = new AtomicLong();
        List<BenchmarkFigure> figures = new ArrayList<>();
        try (JdbcConnectionStore store = JdbcConnectionStore.open(options)) {
            DataSource database = store.dataSource();
            createBaselineTable(database);
            Throughput.Operation write = () -> store.create(OWNER, NewConnection.builder("slack", ConnectionType.API_KEY,
                            "production", Credentials.of(Map.of("bot-token", Secret.of("xoxb-bench-"
                                    + counter.incrementAndGet() + "-" + "x".repeat(40)))))
                    .displayName("Slack " + counter.get()).build());
            // Sessions are reused like the store's own pool: opening one per write is not the baseline.
            java.util.concurrent.BlockingQueue<java.sql.Connection> sessions = new java.util.concurrent.LinkedBlockingQueue<>();
            Throughput.Operation raw = () -> {
                java.sql.Connection jdbc = sessions.poll();
                try {
                    jdbc = jdbc != null ? jdbc : open(database);
                    rawInsert(jdbc, counter.incrementAndGet());
                } finally {
                    if (jdbc != null) {
                        sessions.add(jdbc);
                    }
                }
            };
            try {
                for (int threads : new int[] {1, 4}) {
                    context.progress("writes: " + threads + " writer(s)");
                    Throughput.measure(context.perFigure().dividedBy(2), threads, write);
                    Throughput.measure(context.perFigure().dividedBy(2), threads, raw);
                    double rawRate = Throughput.measure(context.perFigure(), threads, raw);
                    double writeRate = Throughput.measure(context.perFigure(), threads, write);
                    figures.add(BenchmarkFigure.of("durable connection writes, " + threads + " writer(s)", writeRate,
                            "writes/s", true).against("raw INSERT + COMMIT, same size", rawRate));
                }
            } finally {
                sessions.forEach(WritesBenchmark::close);
            }
        }
        return figures;
    }

    private static java.sql.Connection open(DataSource database) {
        try {
            java.sql.Connection jdbc = database.getConnection();
            jdbc.setAutoCommit(false);
            return jdbc;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open a session for the writes baseline: " + e.getMessage(), e);
        }
    }

    private static void close(java.sql.Connection jdbc) {
        try {
            jdbc.close();
        } catch (SQLException ignored) {
            // the store shuts the database down right after
        }
    }

    private static void createBaselineTable(DataSource database) {
        try (java.sql.Connection jdbc = database.getConnection(); Statement ddl = jdbc.createStatement()) {
            ddl.execute("CREATE TABLE bench_raw (id BIGINT PRIMARY KEY, workspace VARCHAR(200), owner_user VARCHAR(200),"
                    + " display_name VARCHAR(200), payload VARBINARY(4096))");
        } catch (SQLException e) {
            throw new KeywayException("cannot create the writes baseline table: %s", e.getMessage());
        }
    }

    /** A row about the size of a stored connection's metadata and sealed credentials, committed alone. */
    private static void rawInsert(java.sql.Connection jdbc, long id) throws SQLException {
        try (PreparedStatement insert = jdbc.prepareStatement(
                "INSERT INTO bench_raw (id, workspace, owner_user, display_name, payload) VALUES (?, ?, ?, ?, ?)")) {
            insert.setLong(1, id);
            insert.setString(2, "acme");
            insert.setString(3, "bench");
            insert.setString(4, "Slack " + id);
            insert.setBytes(5, Bytes.random(160));
            insert.executeUpdate();
            jdbc.commit();
        }
    }
}
