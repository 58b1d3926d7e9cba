package dev.keyway.connections.store;

import dev.keyway.api.Principal;
import dev.keyway.api.Secret;
import dev.keyway.connections.ConnectionType;
import dev.keyway.connections.crypto.Bytes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;

/**
 * Resolve latency on a 100,000-connection file store against a baseline of what it cannot avoid:
 * one primary-key SELECT through the same DataSource plus one raw JDK AES-GCM decrypt of a
 * same-size ciphertext. Prints figures; asserts nothing.
 *
 * <pre>./mvnw -B -q -pl plugin-connections test-compile exec:java \
 *   -Dexec.mainClass=dev.keyway.connections.store.ResolutionBenchmark -Dexec.classpathScope=test</pre>
 *
 * Add {@code -Dbench.detail=true} to also time a metadata-only {@code get} (no decrypt), which
 * separates the database's share of the cost from the decryption's.
 */
public final class ResolutionBenchmark {

    private static final int CONNECTIONS = 100_000;
    private static final int WARMUP = 300_000;
    private static final int MEASURED = 300_000;
    private static final Principal OWNER = new Principal("bench", "acme");

    private ResolutionBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("keyway-bench");
        try {
            run(dir);
        } finally {
            try (Stream<Path> paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void run(Path dir) throws Exception {
        StoreOptions options = StoreOptions.embedded(dir,
                Map.of("KEYWAY_MASTER_KEY", Base64.getEncoder().encodeToString(Bytes.random(32))));
        try (JdbcConnectionStore store = JdbcConnectionStore.open(options)) {
            long start = System.nanoTime();
            String[] ids = fill(store);
            System.out.printf("stored %,d connections in %.1f s%n", CONNECTIONS, (System.nanoTime() - start) / 1e9);

            DataSource dataSource = StoreOpener.dataSource(new JdbcTarget(options.jdbcUrl()).readWriteUrl(), options);
            try (java.sql.Connection jdbc = dataSource.getConnection();
                 PreparedStatement select = jdbc.prepareStatement(
                         "SELECT credentials FROM keyway_connections WHERE id = ?")) {
                int blobSize = blobSize(select, ids[0]);
                Baseline baseline = new Baseline(select, blobSize);
                for (int round = 0; round < 2; round++) {
                    // Interleaved warm-up so both paths are JIT-compiled before either is measured.
                    measure(WARMUP, i -> resolve(store, ids));
                    measure(WARMUP, i -> baseline.run(ids));
                }
                if (Boolean.getBoolean("bench.detail")) {
                    measure(WARMUP, i -> store.get(ids[ThreadLocalRandom.current().nextInt(ids.length)], OWNER)
                            .isPresent() ? 1 : 0);
                    print("metadata get (no decrypt)", measure(MEASURED, i -> store.get(
                            ids[ThreadLocalRandom.current().nextInt(ids.length)], OWNER).isPresent() ? 1 : 0));
                }
                long[] resolve = measure(MEASURED, i -> resolve(store, ids));
                long[] base = measure(MEASURED, i -> baseline.run(ids));
                print("resolve (lookup + access check + decrypt)", resolve);
                print("baseline (PK SELECT + raw AES-GCM decrypt of " + blobSize + " bytes)", base);
                System.out.printf("ratio p50 %.2fx, p99 %.2fx%n", (double) p(resolve, 50) / p(base, 50),
                        (double) p(resolve, 99) / p(base, 99));
            }
        }
    }

    private static String[] fill(JdbcConnectionStore store) {
        String[] ids = new String[CONNECTIONS];
        int batch = 1_000;
        for (int from = 0; from < CONNECTIONS; from += batch) {
            List<NewConnection> requests = new ArrayList<>(batch);
            for (int i = from; i < from + batch; i++) {
                requests.add(NewConnection.builder("jira", ConnectionType.CREDENTIALS, "production",
                                Credentials.of(Map.of("user-email", Secret.of("user" + i + "@acme.test"),
                                        "api-token", Secret.of("tok-" + i + "-" + "x".repeat(24)),
                                        "base-url", Secret.of("https://acme.atlassian.net"))))
                        .displayName("Jira " + i).build());
            }
            List<Connection> created = store.createAll(OWNER, requests);
            for (int i = 0; i < created.size(); i++) {
                ids[from + i] = created.get(i).id();
            }
        }
        return ids;
    }

    private static int resolve(JdbcConnectionStore store, String[] ids) {
        String id = ids[ThreadLocalRandom.current().nextInt(ids.length)];
        try (ResolvedConnection r = store.resolve(id, OWNER, "production")) {
            return r.credentials().fields().size();
        }
    }

    /** What resolve cannot avoid: the row fetch and one AES-GCM decrypt, with everything cached. */
    private static final class Baseline {
        private final PreparedStatement select;
        private final Cipher cipher;
        private final SecretKeySpec key = new SecretKeySpec(Bytes.random(32), "AES");
        private final byte[] nonce = Bytes.random(12);
        private final byte[] ciphertext;

        Baseline(PreparedStatement select, int size) throws Exception {
            this.select = select;
            cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            // Same total size as the stored blob minus its 13-byte header.
            ciphertext = cipher.doFinal(new byte[size - 13 - 16]);
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
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static int blobSize(PreparedStatement select, String id) throws Exception {
        select.setString(1, id);
        try (ResultSet rows = select.executeQuery()) {
            rows.next();
            return rows.getBytes(1).length;
        }
    }

    private static long[] measure(int count, java.util.function.IntUnaryOperator op) {
        long[] samples = new long[count];
        long sink = 0;
        for (int i = 0; i < count; i++) {
            long t0 = System.nanoTime();
            sink += op.applyAsInt(i);
            samples[i] = System.nanoTime() - t0;
        }
        if (sink == 42) {
            System.out.print("");
        }
        Arrays.sort(samples);
        return samples;
    }

    private static long p(long[] sorted, int percentile) {
        return sorted[Math.min(sorted.length - 1, (int) ((long) sorted.length * percentile / 100))];
    }

    private static void print(String what, long[] sorted) {
        System.out.printf("%-60s p50 %6.2f us   p99 %7.2f us%n", what, p(sorted, 50) / 1e3, p(sorted, 99) / 1e3);
    }
}
