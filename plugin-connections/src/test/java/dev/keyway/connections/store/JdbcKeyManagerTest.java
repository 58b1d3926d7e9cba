package dev.keyway.connections.store;

import static dev.keyway.connections.store.TestStores.ALICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyway.connections.crypto.KeyFiles;
import dev.keyway.connections.crypto.MasterKey;
import dev.keyway.connections.crypto.MasterKeyException;
import dev.keyway.connections.crypto.MasterKeyOptions;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.hsqldb.jdbc.JDBCDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JdbcKeyManagerTest {

    @TempDir
    Path dir;

    @Test
    void rotationUnderConcurrentReadsLosesNothingAndNoReadFails() throws Exception {
        String key = TestStores.newKey();
        try (JdbcConnectionStore store = JdbcConnectionStore.open(TestStores.options(dir, key))) {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 1_000; i++) {
                ids.add(store.create(ALICE, TestStores.jira("production", "token-" + i)).id());
            }
            store.seedSecrets(ids.get(0), ALICE, SecretScope.environment("production"),
                    Map.of("JIRA_API_TOKEN", "api-token"));

            AtomicBoolean rotating = new AtomicBoolean(true);
            AtomicLong reads = new AtomicLong();
            Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
            List<Thread> readers = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                Thread reader = new Thread(() -> {
                    while (rotating.get() || reads.get() < 2_000) {
                        int i = ThreadLocalRandom.current().nextInt(ids.size());
                        try (ResolvedConnection r = store.resolve(ids.get(i), ALICE, "production")) {
                            if (!r.credentials().field("api-token").orElseThrow().reveal().equals("token-" + i)) {
                                failures.add(new AssertionError("wrong plaintext for " + i));
                            }
                            reads.incrementAndGet();
                        } catch (Throwable e) {
                            failures.add(e);
                        }
                    }
                }, "reader-" + t);
                reader.start();
                readers.add(reader);
            }
            List<long[]> progress = new ArrayList<>();
            RotationResult result;
            try {
                result = store.keys().rotateDataKey((done, total) -> progress.add(new long[] {done, total}));
            } finally {
                rotating.set(false);
                for (Thread reader : readers) {
                    reader.join();
                }
            }
            assertThat(failures).isEmpty();
            assertThat(reads.get()).isGreaterThanOrEqualTo(2_000);
            assertThat(result.newVersion()).isEqualTo(2);
            assertThat(result.rowsRewrapped()).isEqualTo(1_001);
            assertThat(result.retiredVersions()).containsExactly(1);
            assertThat(progress).isNotEmpty();
            assertThat(progress.get(progress.size() - 1)).containsExactly(1_001, 1_001);

            List<KeyVersionInfo> status = store.keys().status();
            assertThat(status).extracting(KeyVersionInfo::version, KeyVersionInfo::state, KeyVersionInfo::totalRows)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(2, KeyVersionInfo.State.PRIMARY, 1_001L),
                            org.assertj.core.groups.Tuple.tuple(1, KeyVersionInfo.State.RETIRED, 0L));
            assertThat(store.environmentSecret(ALICE, "production", "JIRA_API_TOKEN").orElseThrow().reveal())
                    .isEqualTo("token-0");
        }
        try (JdbcConnectionStore reopened = JdbcConnectionStore.open(TestStores.options(dir, key))) {
            assertThat(reopened.list(ALICE, ConnectionFilter.all())).hasSize(1_000);
        }
    }

    @Test
    void aVersionStillInUseIsNotRetired() {
        try (JdbcConnectionStore store = JdbcConnectionStore.open(TestStores.options(dir, TestStores.newKey()))) {
            store.create(ALICE, TestStores.jira("production", "t"));
            store.keys().rotateDataKey(RotationProgress.none());
            Connection later = store.create(ALICE, TestStores.jira("production", "u"));
            assertThat(store.keys().retireUnusedKeys()).isEmpty();
            assertThat(store.keys().status()).first().satisfies(v -> {
                assertThat(v.version()).isEqualTo(2);
                assertThat(v.connectionRows()).isEqualTo(2);
            });
            store.resolve(later.id(), ALICE, "production").close();
        }
    }

    @Test
    void retiredKeyMaterialIsDestroyedOnlyAfterTheGracePeriod() throws Exception {
        String key = TestStores.newKey();
        MutableClock clock = new MutableClock();
        try (JdbcConnectionStore store = JdbcConnectionStore.open(TestStores.options(dir, key).withClock(clock))) {
            store.create(ALICE, TestStores.jira("production", "t"));
            store.keys().rotateDataKey(RotationProgress.none());
            store.keys().retireUnusedKeys();
            assertThat(wrappedKeyPresent(1)).isTrue();
            clock.advance(JdbcKeyManager.PURGE_GRACE.plusSeconds(1));
            store.keys().retireUnusedKeys();
            assertThat(wrappedKeyPresent(1)).isFalse();
            assertThat(store.keys().status()).extracting(KeyVersionInfo::state)
                    .containsExactly(KeyVersionInfo.State.PRIMARY, KeyVersionInfo.State.RETIRED);
        }
    }

    /** Reads the key table through a second session of the same in-process database. */
    private boolean wrappedKeyPresent(int version) throws Exception {
        JDBCDataSource ds = new JDBCDataSource();
        ds.setUrl("jdbc:hsqldb:file:" + dir.toAbsolutePath().resolve("store/keyway"));
        ds.setUser("SA");
        ds.setPassword("");
        try (java.sql.Connection jdbc = ds.getConnection();
             PreparedStatement select = jdbc.prepareStatement("SELECT wrapped FROM keyway_data_keys WHERE version = ?")) {
            select.setInt(1, version);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getBytes(1) != null;
            }
        }
    }

    /** A clock the test moves by hand. */
    private static final class MutableClock extends Clock {
        private volatile Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void masterKeyChangeRewrapsDataKeysAndTheOldKeyStopsWorking() {
        String oldKey = TestStores.newKey();
        Path newKeyFile = dir.resolve("new.key");
        String id;
        try (JdbcConnectionStore store = JdbcConnectionStore.open(TestStores.options(dir, oldKey))) {
            id = store.create(ALICE, TestStores.jira("production", "t")).id();
            MasterKey next = MasterKey.generate("the master key file " + newKeyFile);
            KeyFiles.create(newKeyFile, next);
            store.keys().changeMasterKey(next);
            store.resolve(id, ALICE, "production").close();
        }
        assertThatThrownBy(() -> JdbcConnectionStore.open(TestStores.options(dir, oldKey)))
                .isInstanceOf(MasterKeyException.class);
        StoreOptions withFile = StoreOptions.embedded(dir, Map.of())
                .withMasterKey(MasterKeyOptions.defaults(Map.of(), dir.resolve("master.key")).withKeyFile(newKeyFile));
        try (JdbcConnectionStore store = JdbcConnectionStore.open(withFile)) {
            store.resolve(id, ALICE, "production").close();
        }
    }
}
