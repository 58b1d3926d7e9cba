package dev.keyway.connections.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StoreOptionsTest {

    private final Path dir = Path.of("/var/lib/keyway/plugins/connections");

    @Test
    void embeddedLayoutKeepsTheKeyOutsideTheDatabaseFolder() {
        StoreOptions options = StoreOptions.fromSettings(dir, key -> Optional.empty(), Map.of());
        assertThat(options.jdbcUrl()).isEqualTo("jdbc:hsqldb:file:" + dir.resolve("store/keyway"));
        assertThat(options.lockFile()).isEqualTo(dir.resolve("store/keyway.store-lock"));
        assertThat(options.masterKey().defaultKeyFile()).isEqualTo(dir.resolve("master.key"));
    }

    @Test
    void settingsSelectASharedDatabaseAndAKeyFile() {
        Map<String, String> settings = Map.of(StoreOptions.SETTING_JDBC_URL, "jdbc:hsqldb:hsql://db:9001/keyway",
                StoreOptions.SETTING_JDBC_USER, "keyway", StoreOptions.SETTING_JDBC_PASSWORD, "db-secret-pw",
                StoreOptions.SETTING_KEY_FILE, "/etc/keyway/master.key");
        StoreOptions options = StoreOptions.fromSettings(dir, key -> Optional.ofNullable(settings.get(key)),
                Map.of(StoreOptions.ENV_PASSPHRASE, "pass"));
        assertThat(options.jdbcUrl()).isEqualTo("jdbc:hsqldb:hsql://db:9001/keyway");
        assertThat(options.user()).isEqualTo("keyway");
        assertThat(options.lockFile()).isNull();
        assertThat(options.masterKey().keyFile()).isEqualTo(Path.of("/etc/keyway/master.key"));
        assertThat(options.masterKey().passphrase()).containsExactly('p', 'a', 's', 's');
        assertThat(options.password()).isEqualTo("db-secret-pw");
        assertThat(options.toString()).doesNotContain("db-secret-pw").doesNotContain("pass,").contains("*****");
    }
}
