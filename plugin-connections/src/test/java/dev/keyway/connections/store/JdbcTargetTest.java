package dev.keyway.connections.store;

import static dev.keyway.connections.store.TestStores.ALICE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keyway.connections.crypto.MasterKeyOptions;
import dev.keyway.connections.testing.HsqldbServers;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.util.Map;
import org.hsqldb.jdbc.JDBCDataSource;
import org.hsqldb.server.Server;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JdbcTargetTest {

    @TempDir
    Path dir;

    @Test
    void embeddedFileUrlsGetKeywaySettingsAndServersAreLeftAlone() {
        JdbcTarget file = new JdbcTarget("jdbc:hsqldb:file:/data/store/keyway");
        assertThat(file.isEmbeddedFile()).isTrue();
        assertThat(file.readWriteUrl()).contains(";hsqldb.lock_file=false", ";hsqldb.write_delay=false",
                ";hsqldb.tx=mvcc");
        assertThat(file.readOnlyUrl()).contains(";readonly=true");
        assertThat(file.defaultLockFile()).isEqualTo(Path.of("/data/store/keyway.store-lock"));
        JdbcTarget server = new JdbcTarget("jdbc:hsqldb:hsql://db.internal:9001/keyway");
        assertThat(server.isEmbedded()).isFalse();
        assertThat(server.readWriteUrl()).isEqualTo("jdbc:hsqldb:hsql://db.internal:9001/keyway");
        assertThat(new JdbcTarget("jdbc:postgresql://db/keyway").binaryType(10)).isEqualTo("BYTEA");
    }

    @Test
    void twoEnginesShareOneHsqldbServerIncludingARotationByTheOther() throws Exception {
        Server server = HsqldbServers.start(dir.resolve("server"));
        try {
            String url = HsqldbServers.url(server);
            MasterKeyOptions key = MasterKeyOptions.defaults(Map.of("KEYWAY_MASTER_KEY", TestStores.newKey()),
                    dir.resolve("unused.key"));
            try (JdbcConnectionStore engineA = JdbcConnectionStore.open(StoreOptions.jdbc(url, "SA", "", key));
                 JdbcConnectionStore engineB = JdbcConnectionStore.open(StoreOptions.jdbc(url, "SA", "", key))) {
                Connection c = engineA.create(ALICE, TestStores.jira("production", "shared-token"));
                engineB.resolve(c.id(), ALICE, "production").close();

                assertThat(engineA.keys().rotateDataKey(RotationProgress.none()).retiredVersions()).containsExactly(1);
                // B still seals with v1, now retired: its write must notice, reload the keys and use v2.
                Connection fromB = engineB.create(ALICE, TestStores.jira("staging", "b-token"));
                engineA.resolve(fromB.id(), ALICE, "staging").close();
                assertThat(engineA.keys().status()).extracting(KeyVersionInfo::version, KeyVersionInfo::connectionRows)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple(2, 2L),
                                org.assertj.core.groups.Tuple.tuple(1, 0L));
                // And B reads rows under v2 although it never rotated itself.
                try (ResolvedConnection r = engineB.resolve(c.id(), ALICE, "production")) {
                    assertThat(r.credentials().field("api-token").orElseThrow().reveal()).isEqualTo("shared-token");
                }
            }
            // Closing the stores must not have shut the shared server down.
            JDBCDataSource ds = new JDBCDataSource();
            ds.setUrl(HsqldbServers.url(server));
            ds.setUser("SA");
            ds.setPassword("");
            try (java.sql.Connection jdbc = ds.getConnection(); var st = jdbc.createStatement();
                 ResultSet rows = st.executeQuery("SELECT COUNT(*) FROM keyway_connections")) {
                rows.next();
                assertThat(rows.getInt(1)).isEqualTo(2);
            }
        } finally {
            HsqldbServers.stop(server);
        }
    }
}
