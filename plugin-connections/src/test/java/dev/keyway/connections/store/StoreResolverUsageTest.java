package dev.keyway.connections.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyway.api.NodeException;
import dev.keyway.connections.nodes.ResolvedConnection;
import dev.keyway.connections.nodes.UsageContext;
import dev.keyway.connections.service.StoreConnectionResolver;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The nodes' resolver over the real store files each decrypt in the usage trail, failed ones too. */
class StoreResolverUsageTest {

    private static final Instant NOW = Instant.parse("2026-03-05T12:00:00Z");
    private static final UsageContext USE = new UsageContext("exec-7", "call");

    @TempDir
    Path dir;

    private final String masterKey = TestStores.newKey();
    private JdbcConnectionStore store;

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aRecordedUseLandsInTheTrailWithHostAndOutcome() {
        store = JdbcConnectionStore.open(TestStores.options(dir, masterKey));
        Connection jira = store.create(TestStores.ALICE, TestStores.jira("production", "t"));
        StoreConnectionResolver resolver = new StoreConnectionResolver(store, Clock.fixed(NOW, ZoneOffset.UTC));

        ResolvedConnection resolved = resolver.resolve(jira.id(), TestStores.ALICE, "production", USE);
        resolver.recordUse(resolved, USE, "acme.atlassian.net", "http_403");

        assertThat(store.usage(jira.id(), TestStores.ALICE, 10))
                .containsExactly(new UsageEvent(jira.id(), "exec-7", "call", "acme.atlassian.net", NOW, "http_403"));
        assertThat(store.get(jira.id(), TestStores.ALICE).orElseThrow().lastUsedAt()).isEqualTo(NOW);
    }

    @Test
    void aDecryptThatFailsOnATamperedRowIsRecordedToo() throws Exception {
        store = JdbcConnectionStore.open(TestStores.options(dir, masterKey));
        Connection jira = store.create(TestStores.ALICE, TestStores.jira("production", "t"));
        store.close();
        try (JdbcConnectionStoreTest.RawDatabase db = new JdbcConnectionStoreTest.RawDatabase(dir)) {
            byte[] blob = db.blob(jira.id());
            blob[blob.length / 2] ^= 0x01;
            db.setBlob(jira.id(), blob);
        }
        store = JdbcConnectionStore.open(TestStores.options(dir, masterKey));
        StoreConnectionResolver resolver = new StoreConnectionResolver(store, Clock.fixed(NOW, ZoneOffset.UTC));

        assertThatThrownBy(() -> resolver.resolve(jira.id(), TestStores.ALICE, "production", USE))
                .isInstanceOfSatisfying(NodeException.class, e -> assertThat(e.code()).isEqualTo("connection_unreadable"));

        assertThat(store.usage(jira.id(), TestStores.ALICE, 10)).extracting(UsageEvent::outcome)
                .containsExactly("connection_unreadable");
    }
}
