package dev.keyway.connections.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyway.api.Principal;
import dev.keyway.api.Secret;
import dev.keyway.connections.ConnectionType;
import dev.keyway.connections.store.Connection;
import dev.keyway.connections.store.ConnectionStore;
import dev.keyway.connections.store.Credentials;
import dev.keyway.connections.store.JdbcConnectionStore;
import dev.keyway.connections.store.NewConnection;
import dev.keyway.connections.store.StoreOptions;
import dev.keyway.connections.store.UsageEvent;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UsageRecorderTest {

    private static final Principal ALICE = new Principal("alice", "acme");

    @TempDir
    Path dir;

    private ConnectionStore store;
    private Connection connection;

    @BeforeEach
    void open() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        store = JdbcConnectionStore.open(StoreOptions.embedded(dir,
                Map.of("KEYWAY_MASTER_KEY", Base64.getEncoder().encodeToString(key))));
        connection = store.create(ALICE, NewConnection.builder("slack", ConnectionType.API_KEY, "development",
                Credentials.of("api-key", Secret.of("xoxb-usage"))).build());
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void writesEveryQueuedUseAndFlushWaitsForThem() {
        UsageRecorder recorder = new UsageRecorder(store);
        Instant at = Instant.parse("2026-11-22T10:00:00Z");
        for (int i = 0; i < 1200; i++) {
            recorder.record(new UsageEvent(connection.id(), "ex-" + i, "call", "slack.com:443", at.plusMillis(i), "ok"));
        }
        recorder.flush();
        assertThat(store.usage(connection.id(), ALICE, 2000)).hasSize(1200);
        assertThat(store.get(connection.id(), ALICE).orElseThrow().lastUsedAt()).isNotNull();
        recorder.close();
        assertThat(recorder.dropped()).isZero();
    }

    @Test
    void closeWritesWhatIsStillQueuedAndLaterUsesAreCountedAsDropped() {
        UsageRecorder recorder = new UsageRecorder(store);
        for (int i = 0; i < 300; i++) {
            recorder.record(new UsageEvent(connection.id(), "ex-" + i, "call", null, Instant.now(), "ok"));
        }
        recorder.close();
        assertThat(store.usage(connection.id(), ALICE, 1000)).hasSize(300);
        recorder.record(new UsageEvent(connection.id(), "late", "call", null, Instant.now(), "ok"));
        assertThat(recorder.dropped()).isEqualTo(1);
    }

    @Test
    void aUseOfADeletedConnectionDoesNotStopTheWriter() {
        UsageRecorder recorder = new UsageRecorder(store);
        recorder.record(new UsageEvent("conn_gone", "ex-1", "call", null, Instant.now(), "ok"));
        recorder.flush();
        recorder.record(new UsageEvent(connection.id(), "ex-2", "call", null, Instant.now(), "ok"));
        recorder.flush();
        assertThat(store.usage(connection.id(), ALICE, 10)).extracting(UsageEvent::executionId).contains("ex-2");
        recorder.close();
    }

    @Test
    void aBacklogLargerThanOneBatchIsWrittenWhole() {
        UsageRecorder recorder = new UsageRecorder(store);
        Instant at = Instant.parse("2026-11-22T10:00:00Z");
        int uses = UsageRecorder.BATCH * 2 + 17;
        for (int i = 0; i < uses; i++) {
            recorder.record(new UsageEvent(connection.id(), "ex-" + i, "call", null, at.plusMillis(i), "ok"));
        }
        recorder.flush();
        assertThat(store.usage(connection.id(), ALICE, uses + 10)).hasSize(uses);
        recorder.close();
        assertThat(recorder.dropped()).isZero();
    }

    @Test
    void lastUsedIsEachConnectionsLatestUseWhateverTheOrderInTheBatch() {
        Connection other = store.create(ALICE, NewConnection.builder("slack", ConnectionType.API_KEY, "development",
                Credentials.of("api-key", Secret.of("xoxb-other"))).displayName("Other").build());
        Instant at = Instant.parse("2026-11-22T10:00:00Z");
        store.recordUsage(java.util.List.of(
                new UsageEvent(connection.id(), "ex-1", "call", null, at.plusSeconds(30), "ok"),
                new UsageEvent(other.id(), "ex-2", "call", null, at.plusSeconds(5), "ok"),
                new UsageEvent(connection.id(), "ex-3", "call", null, at.plusSeconds(10), "ok"),
                new UsageEvent(other.id(), "ex-4", "call", null, at.plusSeconds(50), "ok")));

        assertThat(store.get(connection.id(), ALICE).orElseThrow().lastUsedAt()).isEqualTo(at.plusSeconds(30));
        assertThat(store.get(other.id(), ALICE).orElseThrow().lastUsedAt()).isEqualTo(at.plusSeconds(50));
    }

    @Test
    void oneUseTheStoreRefusesCostsOnlyItselfNotItsBatch() {
        UsageRecorder recorder = new UsageRecorder(store);
        Instant at = Instant.parse("2026-11-22T10:00:00Z");
        for (int i = 0; i < 1000; i++) {
            // The node_id column holds 200 characters: this one use cannot be stored.
            String node = i == 417 ? "n".repeat(5000) : "call";
            recorder.record(new UsageEvent(connection.id(), "ex-" + i, node, null, at.plusMillis(i), "ok"));
        }
        recorder.flush();
        assertThat(store.usage(connection.id(), ALICE, 2000)).hasSize(999)
                .extracting(UsageEvent::executionId).doesNotContain("ex-417");
        recorder.close();
        assertThat(recorder.dropped()).isEqualTo(1);
    }
}
