package dev.keyway.connections.store;

import static dev.keyway.connections.store.TestStores.ALICE;
import static dev.keyway.connections.store.TestStores.ALICE_ELSEWHERE;
import static dev.keyway.connections.store.TestStores.BOB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyway.api.Principal;
import dev.keyway.api.Secret;
import dev.keyway.connections.ConnectionType;
import dev.keyway.connections.crypto.TamperedException;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hsqldb.jdbc.JDBCDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JdbcConnectionStoreTest {

    @TempDir
    Path dir;

    private String masterKey;
    private JdbcConnectionStore store;

    @BeforeEach
    void open() {
        masterKey = TestStores.newKey();
        store = JdbcConnectionStore.open(TestStores.options(dir, masterKey));
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void roundTripSurvivesReopen() {
        Connection created = store.create(ALICE, TestStores.jira("production", "tok-123"));
        assertThat(created.id()).matches("conn_[A-Za-z0-9_-]{22}");
        assertThat(created.type()).isEqualTo(ConnectionType.CREDENTIALS);
        store.close();
        store = JdbcConnectionStore.open(TestStores.options(dir, masterKey));

        try (ResolvedConnection resolved = store.resolve(created.id(), ALICE, "production")) {
            assertThat(resolved.connection()).isEqualTo(created);
            assertThat(resolved.credentials().fields()).containsOnlyKeys("api-token", "base-url", "user-email");
            assertThat(resolved.credentials().field("api-token").orElseThrow().reveal()).isEqualTo("tok-123");
        }
    }

    @Test
    void othersGetTheSameNotFoundAsForAMissingId() {
        Connection c = store.create(ALICE, TestStores.jira("production", "tok"));
        assertThatThrownBy(() -> store.resolve(c.id(), BOB, "production"))
                .isInstanceOf(ConnectionNotFoundException.class)
                .hasMessageStartingWith("connection " + c.id() + " was deleted or is not available to user bob in "
                        + "environment production");
        assertThatThrownBy(() -> store.resolve(c.id(), ALICE_ELSEWHERE, "production"))
                .isInstanceOf(ConnectionNotFoundException.class);
        assertThatThrownBy(() -> store.resolve(c.id(), ALICE, "development"))
                .isInstanceOf(ConnectionNotFoundException.class)
                .hasMessageContaining("user alice in environment development");
        assertThatThrownBy(() -> store.resolve("conn_missing", BOB, "production"))
                .isInstanceOf(ConnectionNotFoundException.class)
                .hasMessageStartingWith("connection conn_missing was deleted or is not available to user bob in "
                        + "environment production");
        assertThat(store.get(c.id(), BOB)).isEmpty();
        assertThat(store.delete(c.id(), BOB)).isFalse();
        assertThat(store.list(BOB, ConnectionFilter.all())).isEmpty();
    }

    @Test
    void sharingGrantsUseButNotOwnership() {
        Connection c = store.create(ALICE, TestStores.jira("production", "tok"));
        Connection shared = store.share(c.id(), ALICE, "bob");
        assertThat(shared.sharedWith()).containsExactly("bob");
        assertThat(shared.rowVersion()).isEqualTo(c.rowVersion() + 1);
        try (ResolvedConnection r = store.resolve(c.id(), BOB, "production")) {
            assertThat(r.credentials().field("api-token").orElseThrow().reveal()).isEqualTo("tok");
        }
        assertThat(store.list(BOB, ConnectionFilter.all())).extracting(Connection::id).containsExactly(c.id());
        assertThatThrownBy(() -> store.delete(c.id(), BOB)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> store.share(c.id(), BOB, "carol")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> store.resolve(c.id(), new Principal("bob", "globex"), "production"))
                .isInstanceOf(ConnectionNotFoundException.class);

        store.unshare(c.id(), ALICE, "bob");
        assertThatThrownBy(() -> store.resolve(c.id(), BOB, "production"))
                .isInstanceOf(ConnectionNotFoundException.class);
    }

    @Test
    void sharesGoToUserNamesOnlyNeverToALookAlike() {
        Connection c = store.create(ALICE, TestStores.jira("production", "tok"));
        assertThat(store.share(c.id(), ALICE, "jos\u00e9.m-1_x").sharedWith()).containsExactly("jos\u00e9.m-1_x");
        for (String lookAlike : new String[] {"b\u200bob", "bob\u200f", "b\ud83d\udd11ob", "bo b", "\u202ebob", "bob\u0000"}) {
            assertThatThrownBy(() -> store.share(c.id(), ALICE, lookAlike)).as(lookAlike)
                    .isInstanceOf(InvalidRequestException.class).hasMessageContaining("is not a user name");
        }
    }

    @Test
    void updateReplacesCredentialsUnderTheSameIdAndChecksTheRowVersion() {
        Connection c = store.create(ALICE, TestStores.jira("production", "old-token"));
        Connection updated = store.update(c.id(), ALICE, ConnectionUpdate.none()
                .withDisplayName("Jira - Prod")
                .withTags(Set.of("tickets", "prod"))
                .withAllowedHosts(List.of("jira.acme.internal:8443"))
                .withCredentials(Credentials.of("api-token", Secret.of("new-token")))
                .expectingRowVersion(c.rowVersion()));
        assertThat(updated.id()).isEqualTo(c.id());
        assertThat(updated.displayName()).isEqualTo("Jira - Prod");
        assertThat(store.get(c.id(), ALICE).orElseThrow().allowedHosts()).containsExactly("jira.acme.internal:8443");
        try (ResolvedConnection r = store.resolve(c.id(), ALICE, "production")) {
            assertThat(r.credentials().fields()).containsOnlyKeys("api-token");
            assertThat(r.credentials().field("api-token").orElseThrow().reveal()).isEqualTo("new-token");
        }
        assertThatThrownBy(() -> store.update(c.id(), ALICE, ConnectionUpdate.none().withDisplayName("x")
                .expectingRowVersion(c.rowVersion()))).isInstanceOf(ConcurrentUpdateException.class);
        assertThatThrownBy(() -> store.update(c.id(), BOB, ConnectionUpdate.none().withDisplayName("x")))
                .isInstanceOf(ConnectionNotFoundException.class);
    }

    @Test
    void refreshIsCompareAndSet() {
        Connection c = store.create(ALICE, TestStores.jira("production", "a"));
        Instant expiry = Instant.parse("2030-01-01T00:00:00Z");
        Connection refreshed = store.refreshCredentials(c.id(),
                new Credentials(Map.of("access-token", Secret.of("b")), expiry), c.rowVersion());
        assertThat(refreshed.credentialsExpireAt()).isEqualTo(expiry);
        assertThatThrownBy(() -> store.refreshCredentials(c.id(), Credentials.of("access-token", Secret.of("c")),
                c.rowVersion())).isInstanceOf(ConcurrentUpdateException.class);
        try (ResolvedConnection r = store.resolve(c.id(), ALICE, "production")) {
            assertThat(r.credentials().field("access-token").orElseThrow().reveal()).isEqualTo("b");
            assertThat(r.credentials().expiresAt()).isEqualTo(expiry);
        }
    }

    @Test
    void listFiltersByProviderTagEnvironmentAndStatus() {
        Connection prod = store.create(ALICE, TestStores.jira("production", "p"));
        Connection dev = store.create(ALICE, TestStores.jira("development", "d"));
        Connection slack = store.create(ALICE, NewConnection.builder("slack", ConnectionType.API_KEY, "production",
                Credentials.of("api-key", Secret.of("xoxb"))).tags(Set.of("chat")).build());
        store.recordStatus(dev.id(), ConnectionStatus.notActive("401 from Jira", Instant.now()));

        assertThat(store.list(ALICE, ConnectionFilter.all())).extracting(Connection::id)
                .containsExactlyInAnyOrder(prod.id(), dev.id(), slack.id());
        assertThat(store.list(ALICE, new ConnectionFilter("jira", null, null, null))).hasSize(2);
        assertThat(store.list(ALICE, new ConnectionFilter(null, "chat", null, null))).extracting(Connection::id)
                .containsExactly(slack.id());
        assertThat(store.list(ALICE, new ConnectionFilter(null, null, "development", null))).hasSize(1);
        assertThat(store.list(ALICE, new ConnectionFilter(null, null, null, ConnectionStatus.State.NOT_ACTIVE)))
                .singleElement().satisfies(c -> assertThat(c.status().reason()).isEqualTo("401 from Jira"));
    }

    @Test
    void resolveByNamePicksTheEnvironmentsConnection() {
        store.create(ALICE, TestStores.jira("production", "prod-token"));
        store.create(ALICE, TestStores.jira("development", "dev-token"));
        try (ResolvedConnection r = store.resolveByName("jira", "Jira - development", ALICE, "development")) {
            assertThat(r.credentials().field("api-token").orElseThrow().reveal()).isEqualTo("dev-token");
        }
        store.create(ALICE, TestStores.jira("development", "again"));
        assertThatThrownBy(() -> store.resolveByName("jira", "Jira - development", ALICE, "development"))
                .isInstanceOf(AmbiguousConnectionException.class);
        assertThatThrownBy(() -> store.resolveByName("jira", "Jira - production", BOB, "production"))
                .isInstanceOf(ConnectionNotFoundException.class);
    }

    @Test
    void seededSecretsFollowTheirConnection() {
        Connection c = store.create(ALICE, TestStores.jira("production", "tok-1"));
        Map<String, String> plan = SecretNames.plan("jira", List.of("api-token", "user-email"),
                Map.of("api-token", List.of("JIRA_TOKEN")));
        SeedResult seeded = store.seedSecrets(c.id(), ALICE, SecretScope.allEnvironments(), plan);
        assertThat(seeded.secretNames()).containsExactly("JIRA_API_TOKEN", "JIRA_TOKEN", "JIRA_USER_EMAIL");
        assertThat(store.environmentSecret(BOB, "staging", "JIRA_TOKEN")).hasValueSatisfying(
                s -> assertThat(s.reveal()).isEqualTo("tok-1"));
        assertThat(store.environmentSecretNames(ALICE, "production")).contains("JIRA_API_TOKEN");
        assertThat(store.environmentSecret(ALICE_ELSEWHERE, "staging", "JIRA_TOKEN")).isEmpty();

        store.update(c.id(), ALICE, ConnectionUpdate.none().withCredentials(Credentials.of(Map.of(
                "api-token", Secret.of("tok-2"), "base-url", Secret.of("https://x")))));
        assertThat(store.environmentSecret(ALICE, "production", "JIRA_API_TOKEN").orElseThrow().reveal())
                .isEqualTo("tok-2");
        assertThat(store.environmentSecret(ALICE, "production", "JIRA_USER_EMAIL")).isEmpty();

        assertThat(store.delete(c.id(), ALICE)).isTrue();
        assertThat(store.environmentSecretNames(ALICE, "production")).isEmpty();
        assertThat(store.delete(c.id(), ALICE)).isFalse();
    }

    @Test
    void aSecretNameSeededByOneConnectionIsNotTakenOverByAnother() {
        Map<String, String> plan = SecretNames.plan("jira", List.of("api-token"), Map.of());
        Connection first = store.create(ALICE, TestStores.jira("production", "tok-first"));
        Connection second = store.create(ALICE, TestStores.jira("production", "tok-second"));
        assertThat(store.seedSecrets(first.id(), ALICE, SecretScope.allEnvironments(), plan).secretNames())
                .containsExactly("JIRA_API_TOKEN");
        assertThat(store.seedSecrets(second.id(), ALICE, SecretScope.allEnvironments(), plan).secretsSeeded()).isZero();

        assertThat(store.delete(second.id(), ALICE)).isTrue();
        assertThat(store.environmentSecret(ALICE, "production", "JIRA_API_TOKEN").orElseThrow().reveal())
                .isEqualTo("tok-first");
    }

    @Test
    void usageTrailIsAppendedAndUpdatesLastUsed() {
        Connection c = store.create(ALICE, TestStores.jira("production", "t"));
        Instant at = Instant.parse("2026-01-02T03:04:05Z");
        store.recordUsage(new UsageEvent(c.id(), "exec-1", "call", "acme.atlassian.net:443", at, "ok"));
        store.recordUsage(new UsageEvent(c.id(), "exec-2", "call", "acme.atlassian.net:443", at.plusSeconds(1),
                "http_401"));
        assertThat(store.usage(c.id(), ALICE, 10)).extracting(UsageEvent::executionId)
                .containsExactly("exec-2", "exec-1");
        assertThat(store.get(c.id(), ALICE).orElseThrow().lastUsedAt()).isEqualTo(at.plusSeconds(1));
    }

    @Test
    void ciphertextMovedToAnotherRowIsRefused() throws Exception {
        Connection a = store.create(ALICE, TestStores.jira("production", "token-a"));
        Connection b = store.create(ALICE, TestStores.jira("production", "token-b"));
        store.close();
        try (RawDatabase db = new RawDatabase(dir)) {
            db.update("UPDATE keyway_connections SET credentials = (SELECT credentials FROM keyway_connections"
                    + " WHERE id = '" + a.id() + "') WHERE id = '" + b.id() + "'");
        }
        store = JdbcConnectionStore.open(TestStores.options(dir, masterKey));
        assertThatThrownBy(() -> store.resolve(b.id(), ALICE, "production"))
                .isInstanceOf(TamperedException.class)
                .hasMessageStartingWith("connection " + b.id() + " cannot be decrypted (tampered or moved)");
        store.resolve(a.id(), ALICE, "production").close();
    }

    @Test
    void oneFlippedByteIsRefused() throws Exception {
        Connection a = store.create(ALICE, TestStores.jira("production", "token-a"));
        store.close();
        try (RawDatabase db = new RawDatabase(dir)) {
            byte[] blob = db.blob(a.id());
            blob[blob.length / 2] ^= 0x01;
            db.setBlob(a.id(), blob);
        }
        store = JdbcConnectionStore.open(TestStores.options(dir, masterKey));
        assertThatThrownBy(() -> store.resolve(a.id(), ALICE, "production"))
                .isInstanceOf(TamperedException.class)
                .hasMessageStartingWith("connection " + a.id() + " cannot be decrypted (tampered or moved)");
    }

    /** Direct SQL on the closed store's files, standing in for an attacker with file access. */
    static final class RawDatabase implements AutoCloseable {
        private final java.sql.Connection connection;

        RawDatabase(Path dir) throws Exception {
            JDBCDataSource ds = new JDBCDataSource();
            ds.setUrl("jdbc:hsqldb:file:" + dir.toAbsolutePath().resolve("store/keyway") + ";hsqldb.lock_file=false");
            ds.setUser("SA");
            ds.setPassword("");
            connection = ds.getConnection();
        }

        void update(String sql) throws Exception {
            try (var statement = connection.createStatement()) {
                statement.executeUpdate(sql);
            }
        }

        byte[] blob(String id) throws Exception {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT credentials FROM keyway_connections WHERE id = ?")) {
                select.setString(1, id);
                try (ResultSet rows = select.executeQuery()) {
                    rows.next();
                    return rows.getBytes(1);
                }
            }
        }

        void setBlob(String id, byte[] blob) throws Exception {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE keyway_connections SET credentials = ? WHERE id = ?")) {
                update.setBytes(1, blob);
                update.setString(2, id);
                update.executeUpdate();
            }
        }

        @Override
        public void close() throws java.sql.SQLException {
            try (var statement = connection.createStatement()) {
                statement.execute("SHUTDOWN");
            }
        }
    }
}
