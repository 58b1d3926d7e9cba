package dev.keyway.connections.store;

import static dev.keyway.connections.store.TestStores.ALICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyway.connections.crypto.MasterKeyException;
import dev.keyway.connections.crypto.MasterKeyOptions;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreOpenerTest {

    @TempDir
    Path dir;

    @Test
    void wrongMasterKeyIsRefusedAndNoFileChanges() {
        String key = TestStores.newKey();
        String id;
        try (JdbcConnectionStore store = JdbcConnectionStore.open(TestStores.options(dir, key))) {
            id = store.create(ALICE, TestStores.jira("production", "t")).id();
        }
        Map<String, String> before = TestStores.fingerprint(dir);

        assertThatThrownBy(() -> JdbcConnectionStore.open(TestStores.options(dir, TestStores.newKey())))
                .isInstanceOf(MasterKeyException.class)
                .hasMessageStartingWith("the master key from KEYWAY_MASTER_KEY does not open this store");
        assertThatThrownBy(() -> JdbcConnectionStore.open(StoreOptions.embedded(dir, Map.of())))
                .isInstanceOf(MasterKeyException.class)
                .hasMessageContaining("no master key")
                .hasMessageContaining("master.key does not exist");

        assertThat(TestStores.fingerprint(dir)).isEqualTo(before);
        try (JdbcConnectionStore store = JdbcConnectionStore.open(TestStores.options(dir, key))) {
            store.resolve(id, ALICE, "production").close();
        }
    }

    @Test
    void newerSchemaIsRefusedUntouched() throws Exception {
        String key = TestStores.newKey();
        JdbcConnectionStore.open(TestStores.options(dir, key)).close();
        try (JdbcConnectionStoreTest.RawDatabase db = new JdbcConnectionStoreTest.RawDatabase(dir)) {
            db.update("INSERT INTO keyway_schema_version (version, applied_at) VALUES (99, 0)");
        }
        Map<String, String> before = TestStores.fingerprint(dir);
        assertThatThrownBy(() -> JdbcConnectionStore.open(TestStores.options(dir, key)))
                .isInstanceOf(StoreVersionException.class)
                .hasMessageStartingWith("this store has schema version 99 but this Keyway supports up to 1");
        assertThat(TestStores.fingerprint(dir)).isEqualTo(before);
    }

    @Test
    void secondOpenOfTheSameStoreIsRefusedWhileTheFirstHoldsTheLock() {
        String key = TestStores.newKey();
        try (JdbcConnectionStore first = JdbcConnectionStore.open(TestStores.options(dir, key))) {
            assertThatThrownBy(() -> JdbcConnectionStore.open(TestStores.options(dir, key)))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("is in use by this process");
            first.create(ALICE, TestStores.jira("production", "t"));
        }
        JdbcConnectionStore.open(TestStores.options(dir, key)).close();
    }

    @Test
    void closeLeavesNoHsqldbThreadAndNoHsqldbLockFile() {
        JdbcConnectionStore store = JdbcConnectionStore.open(TestStores.options(dir, TestStores.newKey()));
        store.create(ALICE, TestStores.jira("production", "t"));
        store.close();
        assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName)
                .noneMatch(name -> name.toUpperCase().contains("HSQLDB"));
        assertThat(dir.resolve("store/keyway.lck")).doesNotExist();
        assertThat(java.util.Collections.list(java.sql.DriverManager.getDrivers()))
                .noneMatch(driver -> driver.getClass().getName().startsWith("org.hsqldb."));
        assertThat(dir.resolve("store/keyway.store-lock")).exists();
    }

    @Test
    void defaultKeyFileIsGeneratedOutsideTheDatabaseFolder() throws Exception {
        StoreOptions options = StoreOptions.embedded(dir, Map.of());
        try (JdbcConnectionStore store = JdbcConnectionStore.open(options)) {
            store.create(ALICE, TestStores.jira("production", "t"));
        }
        assertThat(dir.resolve("master.key")).exists();
        assertThat(dir.resolve("store/master.key")).doesNotExist();
        try (JdbcConnectionStore store = JdbcConnectionStore.open(options)) {
            assertThat(store.list(ALICE, ConnectionFilter.all())).hasSize(1);
        }
    }

    @Test
    void passphraseOpensWhatItCreated() {
        MasterKeyOptions passphrase = MasterKeyOptions.defaults(Map.of(), dir.resolve("unused.key"))
                .withPassphrase("a long passphrase".toCharArray());
        StoreOptions options = StoreOptions.embedded(dir, Map.of()).withMasterKey(passphrase);
        JdbcConnectionStore.open(options).close();
        JdbcConnectionStore.open(options).close();
        StoreOptions wrong = options.withMasterKey(MasterKeyOptions.defaults(Map.of(), dir.resolve("unused.key"))
                .withPassphrase("another passphrase".toCharArray()));
        assertThatThrownBy(() -> JdbcConnectionStore.open(wrong)).isInstanceOf(MasterKeyException.class)
                .hasMessageStartingWith("the master key passphrase does not open this store");
        assertThat(dir.resolve("unused.key")).doesNotExist();
    }
}
