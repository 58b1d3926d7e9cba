package dev.keyway.connections.store;

import static dev.keyway.connections.store.TestStores.ALICE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keyway.api.Secret;
import dev.keyway.connections.testing.Concurrently;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.FutureTask;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writes to the same rows from many threads: each lands, or fails with a reason a caller can act on. */
class ConcurrentWritesTest {

    private static final int THREADS = 8;
    private static final Duration BOUND = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private JdbcConnectionStore store;

    @BeforeEach
    void open() {
        store = JdbcConnectionStore.open(TestStores.options(dir, TestStores.newKey()));
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void updatesOfOneConnectionThatAskForNoVersionAllLand() {
        // Under MVCC the later of two racing UPDATEs matched no row and the caller was told to re-read.
        Connection c = store.create(ALICE, TestStores.jira("production", "t0"));
        List<Callable<List<Connection>>> writers = new ArrayList<>();
        for (int w = 0; w < THREADS; w++) {
            int writer = w;
            writers.add(() -> {
                List<Connection> written = new ArrayList<>();
                for (int i = 0; i < 10; i++) {
                    written.add(store.update(c.id(), ALICE, ConnectionUpdate.none()
                            .withCredentials(Credentials.of("api-token", Secret.of("t-" + writer + "-" + i)))));
                }
                return written;
            });
        }

        List<Connection> written = Concurrently.run(THREADS, BOUND, writers).stream().flatMap(List::stream).toList();

        Connection last = written.stream().max(Comparator.comparingLong(Connection::rowVersion)).orElseThrow();
        assertThat(last.rowVersion()).isEqualTo(1 + THREADS * 10);
        assertThat(written).extracting(Connection::rowVersion).doesNotHaveDuplicates();
        assertThat(store.get(c.id(), ALICE).orElseThrow().rowVersion()).isEqualTo(last.rowVersion());
    }

    @Test
    void connectionsSeedingTheSameSecretNameAtOnceLeaveItToOne() {
        // Seeding upserts with a delete and an insert; the later of two racing inserts broke the primary key.
        for (int round = 0; round < 10; round++) {
            List<Callable<Connection>> creators = new ArrayList<>();
            for (int w = 0; w < THREADS; w++) {
                creators.add(() -> store.create(ALICE, TestStores.jira("production", "t")));
            }
            List<Connection> created = Concurrently.run(THREADS, BOUND, creators);
            List<Callable<SeedResult>> seeders = created.stream().<Callable<SeedResult>>map(c -> () ->
                    store.seedSecrets(c.id(), ALICE, SecretScope.environment("production"),
                            Map.of("JIRA_API_TOKEN", "api-token"))).toList();

            List<SeedResult> seeded = Concurrently.run(THREADS, BOUND, seeders);

            assertThat(seeded.stream().mapToInt(SeedResult::secretsSeeded).sum()).as("seeded in round %d", round)
                    .isEqualTo(1);
            // Deleting them frees the name for the next round's race.
            created.forEach(c -> store.delete(c.id(), ALICE));
        }
    }

    @Test
    void anUpdateRacingADeleteLandsOrFindsTheConnectionGone() {
        // The update's UPDATE matched no row once the delete committed, and the caller was told to re-read
        // and retry instead of that the connection is gone.
        List<Callable<Integer>> tasks = new ArrayList<>();
        for (int w = 0; w < THREADS; w++) {
            tasks.add(() -> {
                int deleted = 0;
                for (int i = 0; i < 10; i++) {
                    Connection c = store.create(ALICE, TestStores.jira("production", "t"));
                    store.seedSecrets(c.id(), ALICE, SecretScope.environment("production"),
                            Map.of("JIRA_TOKEN_" + c.id().substring(5).toUpperCase().replace('-', '_'), "api-token"));
                    FutureTask<Object> racer = new FutureTask<>(() -> {
                        try {
                            return store.update(c.id(), ALICE, ConnectionUpdate.none()
                                    .withCredentials(Credentials.of("api-token", Secret.of("t2"))));
                        } catch (ConnectionNotFoundException deletedFirst) {
                            return deletedFirst;
                        }
                    });
                    new Thread(racer).start();
                    deleted += store.delete(c.id(), ALICE) ? 1 : 0;
                    racer.get();
                }
                return deleted;
            });
        }

        assertThat(Concurrently.run(THREADS, BOUND, tasks)).containsOnly(10);
    }
}
