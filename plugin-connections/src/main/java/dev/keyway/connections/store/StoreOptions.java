package dev.keyway.connections.store;

import dev.keyway.connections.crypto.MasterKeyOptions;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * How to open a store.
 *
 * <p>{@link #embedded} is the default: an HSQLDB file database in {@code <dataDir>/store/}, its
 * lock file beside it, and the generated master key file in {@code <dataDir>/master.key}, outside
 * the database folder. {@link #jdbc} points at a shared database (HSQLDB server mode, PostgreSQL).
 *
 * @param jdbcUrl    the JDBC URL; {@code jdbc:hsqldb:file:} URLs get Keyway's durability settings
 * @param user       database user
 * @param password   database password (not a credential of any connection)
 * @param dataSource a DataSource for non-HSQLDB URLs (e.g. PostgreSQL's), or null for HSQLDB
 * @param lockFile   the OS-level lock file for an embedded file database, or null to derive it
 * @param masterKey  where the master key comes from
 * @param poolSize   JDBC connections held open
 * @param clock      time source for timestamps
 */
public record StoreOptions(String jdbcUrl, String user, String password, DataSource dataSource, Path lockFile,
                           MasterKeyOptions masterKey, int poolSize, Clock clock) {

    /** Default JDBC connections held open: enough for a few concurrent executions. */
    public static final int DEFAULT_POOL_SIZE = 8;

    public StoreOptions {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(masterKey, "masterKey");
        Objects.requireNonNull(clock, "clock");
        if (poolSize < 1) {
            throw new IllegalArgumentException("poolSize must be at least 1");
        }
    }

    /**
     * The default embedded store under {@code dataDirectory}.
     *
     * @param environment the process environment (for KEYWAY_MASTER_KEY)
     */
    public static StoreOptions embedded(Path dataDirectory, Map<String, String> environment) {
        Path dir = dataDirectory.toAbsolutePath().normalize();
        Path dbDir = dir.resolve("store");
        return new StoreOptions("jdbc:hsqldb:file:" + dbDir.resolve("keyway"), "SA", "", null,
                dbDir.resolve("keyway.store-lock"),
                MasterKeyOptions.defaults(environment, dir.resolve("master.key")), DEFAULT_POOL_SIZE,
                Clock.systemUTC());
    }

    /** Setting: a shared database's JDBC URL (default: the embedded store). */
    public static final String SETTING_JDBC_URL = "connections.jdbc.url";
    /** Setting: database user for {@link #SETTING_JDBC_URL}. */
    public static final String SETTING_JDBC_USER = "connections.jdbc.user";
    /** Setting: database password for {@link #SETTING_JDBC_URL}. */
    public static final String SETTING_JDBC_PASSWORD = "connections.jdbc.password";
    /** Setting: an operator-provided master key file. */
    public static final String SETTING_KEY_FILE = "connections.master-key-file";
    /** Environment variable: a master key passphrase (used when no key or key file is set). */
    public static final String ENV_PASSPHRASE = "KEYWAY_MASTER_PASSPHRASE";

    /**
     * Options from a host's settings (e.g. {@code HostContext::setting}) and environment: the
     * embedded store under {@code dataDirectory} unless {@value #SETTING_JDBC_URL} is set; the
     * master key from KEYWAY_MASTER_KEY, {@value #SETTING_KEY_FILE}, {@value #ENV_PASSPHRASE}, or
     * the generated {@code <dataDirectory>/master.key}, in that order.
     */
    public static StoreOptions fromSettings(Path dataDirectory, Function<String, Optional<String>> settings,
                                            Map<String, String> environment) {
        StoreOptions embedded = embedded(dataDirectory, environment);
        MasterKeyOptions keys = embedded.masterKey();
        Optional<String> keyFile = settings.apply(SETTING_KEY_FILE).filter(v -> !v.isBlank());
        if (keyFile.isPresent()) {
            keys = keys.withKeyFile(Path.of(keyFile.get()));
        }
        String passphrase = environment.get(ENV_PASSPHRASE);
        if (passphrase != null && !passphrase.isEmpty()) {
            keys = keys.withPassphrase(passphrase.toCharArray());
        }
        Optional<String> url = settings.apply(SETTING_JDBC_URL).filter(v -> !v.isBlank());
        if (url.isEmpty()) {
            return embedded.withMasterKey(keys);
        }
        return jdbc(url.get(), settings.apply(SETTING_JDBC_USER).orElse("SA"),
                settings.apply(SETTING_JDBC_PASSWORD).orElse(""), keys);
    }

    /** A store in the database at {@code jdbcUrl}. */
    public static StoreOptions jdbc(String jdbcUrl, String user, String password, MasterKeyOptions masterKey) {
        return new StoreOptions(jdbcUrl, user, password, null, null, masterKey, DEFAULT_POOL_SIZE, Clock.systemUTC());
    }

    public StoreOptions withMasterKey(MasterKeyOptions value) {
        return new StoreOptions(jdbcUrl, user, password, dataSource, lockFile, value, poolSize, clock);
    }

    public StoreOptions withPoolSize(int value) {
        return new StoreOptions(jdbcUrl, user, password, dataSource, lockFile, masterKey, value, clock);
    }

    public StoreOptions withClock(Clock value) {
        return new StoreOptions(jdbcUrl, user, password, dataSource, lockFile, masterKey, poolSize, value);
    }

    public StoreOptions withDataSource(DataSource value) {
        return new StoreOptions(jdbcUrl, user, password, value, lockFile, masterKey, poolSize, clock);
    }

    @Override
    public String toString() {
        return "StoreOptions[" + jdbcUrl + ", lockFile=" + lockFile + ", " + masterKey + "]";
    }
}
