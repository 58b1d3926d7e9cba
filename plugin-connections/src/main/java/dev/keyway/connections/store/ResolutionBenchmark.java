package dev.keyway.connections.store;

import dev.keyway.api.Benchmark;
import dev.keyway.api.BenchmarkContext;
import dev.keyway.api.BenchmarkFigure;
import dev.keyway.api.KeywayException;
import dev.keyway.api.Principal;
import dev.keyway.api.Secret;
import dev.keyway.connections.ConnectionType;
import dev.keyway.connections.crypto.Bytes;
import java.security.GeneralSecurityException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.pf4j.Extension;

/**
 * Credential resolution (lookup + access checks + AES-GCM decrypt) in a file store holding 1,000,
 * 100,000 and 1,000,000 connections, against what it cannot avoid: one primary-key SELECT through
 * the same database plus one raw JDK AES-GCM decrypt of a same-size ciphertext.
 */
@Extension
public final class ResolutionBenchmark implements Benchmark {

    private static final Principal OWNER = new Principal("bench", "acme");
    private static final int BATCH = 1_000;
    private static final int MAX_SAMPLES = 2_000_000;
    static final double P50_TARGET_US = 10;

    @Override
    public String name() {
        return "resolution";
    }

    @Override
    public String description() {
        return "credential resolution latency at growing store sizes vs a primary-key SELECT + raw AES-GCM decrypt";
    }

    @Override
    public List<BenchmarkFigure> run(BenchmarkContext context) {
        int[] sizes = context.quick() ? new int[] {1_000, 10_000} : new int[] {1_000, 100_000, 1_000_000};
        StoreOptions options = StoreOptions.embedded(context.scratch(),
                Map.of("KEYWAY_MASTER_KEY", Base64.getEncoder().encodeToString(Bytes.random(32))));
        List<BenchmarkFigure> figures = new ArrayList<>();
        try (JdbcConnectionStore store = JdbcConnectionStore.open(options)) {
            List<String> ids = new ArrayList<>();
            double firstExtra = -1;
            for (int size : sizes) {
                context.progress(String.format(Locale.ROOT, "resolution: filling the store to %,d connections", size));
                fill(store, ids, size);
                Latencies resolve;
                Latencies baseline;
                try (Baseline raw = new Baseline(store, ids.get(0))) {
                    String[] all = ids.toArray(String[]::new);
                    context.progress(String.format(Locale.ROOT, "resolution: measuring at %,d", size));
                    Duration time = context.perFigure();
                    for (int round = 0; round < 2; round++) {
                        // Interleaved warm-up, so both paths are compiled before either is measured.
                        sample(time.dividedBy(4), () -> resolve(store, all));
                        sample(time.dividedBy(4), () -> raw.run(all));
                    }
                    resolve = sample(time, () -> resolve(store, all));
                    baseline = sample(time, () -> raw.run(all));
                }
                String at = String.format(Locale.ROOT, "%,d connections", size);
                figures.add(BenchmarkFigure.of("resolve p50, " + at, resolve.p(50), "us", false)
                        .against("PK SELECT + raw AES-GCM decrypt, p50", baseline.p(50))
                        .target("p50 < 10 us", resolve.p(50) < P50_TARGET_US));
                figures.add(BenchmarkFigure.of("resolve p99, " + at, resolve.p(99), "us", false)
                        .against("PK SELECT + raw AES-GCM decrypt, p99", baseline.p(99)));
                // Random reads over a bigger table miss more caches, and the baseline pays that too; what must
                // not grow with the count is what resolution adds on top of the baseline.
                double extra = Math.max(0, resolve.p(50) - baseline.p(50));
                if (firstExtra < 0) {
                    firstExtra = extra;
                } else {
                    figures.add(BenchmarkFigure.of("resolve p50 minus baseline p50, " + at, extra, "us", false)
                            .against(String.format(Locale.ROOT, "the same at %,d connections", sizes[0]), firstExtra)
                            .target("does not grow with count (within 1 us)", extra <= firstExtra + 1));
                }
            }
        } catch (OutOfMemoryError e) {
            throw new KeywayException("the store of %,d connections does not fit in this JVM's heap; run with "
                    + "JAVA_OPTS=-Xmx4g or use --quick", sizes[sizes.length - 1]);
        }
        return figures;
    }

    /** Adds connections until the store holds {@code size}. */
    private static void fill(JdbcConnectionStore store, List<String> ids, int size) {
        while (ids.size() < size) {
            int count = Math.min(BATCH, size - ids.size());
            List<NewConnection> batch = new ArrayList<>(count);
            for (int i = ids.size(); i < ids.size() + count; i++) {
                batch.add(NewConnection.builder("jira", ConnectionType.CREDENTIALS, "production",
                                Credentials.of(Map.of("user-email", Secret.of("user" + i + "@acme.test"),
                                        "api-token", Secret.of("tok-" + i + "-" + "x".repeat(24)),
                                        "base-url", Secret.of("https://acme.atlassian.net"))))
                        .displayName("Jira " + i).build());
            }
            store.createAll(OWNER, batch).forEach(c -> ids.add(c.id()));
        }
    }

    private static int resolve(JdbcConnectionStore store, String[] ids) {
        String id = ids[ThreadLocalRandom.current().nextInt(ids.length)];
        try (ResolvedConnection resolved = store.resolve(id, OWNER, "production")) {
            return resolved.credentials().fields().size();
        }
    }

    /** Latencies of one operation, measured back to back for a while. */
    private static Latencies sample(Duration time, Op op) {
        long[] samples = new long[1024];
        int n = 0;
        long end = System.nanoTime() + time.toNanos();
        long sink = 0;
        while (n < MAX_SAMPLES) {
            long start = System.nanoTime();
            if (start >= end) {
                break;
            }
            sink += op.run();
            if (n == samples.length) {
                samples = Arrays.copyOf(samples, n * 2);
            }
            samples[n++] = System.nanoTime() - start;
        }
        if (sink == Long.MIN_VALUE) {
            throw new IllegalStateException("unreachable; keeps the results alive");
        }
        long[] sorted = Arrays.copyOf(samples, n);
        Arrays.sort(sorted);
        return new Latencies(sorted);
    }

    @FunctionalInterface
    private interface Op {
        int run();
    }

    /** Sorted nanosecond latencies. */
    private record Latencies(long[] sorted) {

        /** The percentile in microseconds. */
        double p(int percentile) {
            return sorted[Math.min(sorted.length - 1, (int) ((long) sorted.length * percentile / 100))] / 1e3;
        }
    }

    /** What resolve cannot avoid: the row fetch by primary key and one AES-GCM decrypt, everything cached. */
    private static final class Baseline implements AutoCloseable {

        private final java.sql.Connection jdbc;
        private final PreparedStatement select;
        private final Cipher cipher;
        private final SecretKeySpec key = new SecretKeySpec(Bytes.random(32), "AES");
        private final byte[] nonce = Bytes.random(12);
        private final byte[] ciphertext;

        Baseline(JdbcConnectionStore store, String sampleId) {
            try {
                jdbc = store.dataSource().getConnection();
                select = jdbc.prepareStatement("SELECT credentials FROM keyway_connections WHERE id = ?");
                select.setString(1, sampleId);
                int size;
                try (ResultSet rows = select.executeQuery()) {
                    rows.next();
                    size = rows.getBytes(1).length;
                }
                cipher = Cipher.getInstance("AES/GCM/NoPadding");
                cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
                // The same size as the stored blob without its header (version, nonce) and tag.
                ciphertext = cipher.doFinal(new byte[Math.max(0, size - 13 - 16)]);
            } catch (SQLException | GeneralSecurityException e) {
                throw new KeywayException("cannot set up the resolution baseline: %s", e.getMessage());
            }
        }

        int run(String[] ids) {
            try {
                select.setString(1, ids[ThreadLocalRandom.current().nextInt(ids.length)]);
                byte[] row;
                try (ResultSet rows = select.executeQuery()) {
                    rows.next();
                    row = rows.getBytes(1);
                }
                cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, nonce));
                return cipher.doFinal(ciphertext).length + row.length;
            } catch (SQLException | GeneralSecurityException e) {
                throw new IllegalStateException("resolution baseline failed: " + e.getMessage(), e);
            }
        }

        @Override
        public void close() {
            try {
                jdbc.close();
            } catch (SQLException ignored) {
                // the store closes the database right after
            }
        }
    }
}
