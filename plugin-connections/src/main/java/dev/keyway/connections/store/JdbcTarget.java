package dev.keyway.connections.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * What kind of database a JDBC URL names, and the HSQLDB settings Keyway adds to embedded ones.
 *
 * @param url the URL as configured
 */
record JdbcTarget(String url) {

    /**
     * Added to embedded file databases: our own OS lock replaces HSQLDB's heartbeat file
     * ({@link StoreLock}); every commit is synced to the log before it is acknowledged; MVCC so
     * that readers never wait for a rotation batch; CACHED (on-disk) tables by default, so that the
     * growing tables stay off the heap ({@link Schema} moves the hot-path tables to MEMORY).
     */
    private static final String FILE_SETTINGS = ";hsqldb.lock_file=false;hsqldb.write_delay=false"
            + ";hsqldb.tx=mvcc;hsqldb.default_table_type=cached";

    private static final String FILE_PREFIX = "jdbc:hsqldb:file:";

    boolean isHsqldb() {
        return url.startsWith("jdbc:hsqldb:");
    }

    boolean isEmbeddedFile() {
        return url.startsWith(FILE_PREFIX);
    }

    /** Embedded databases (file or mem) die with us, so close() shuts them down; a server's are shared. */
    boolean isEmbedded() {
        return isEmbeddedFile() || url.startsWith("jdbc:hsqldb:mem:");
    }

    boolean isPostgres() {
        return url.toLowerCase(Locale.ROOT).startsWith("jdbc:postgresql:");
    }

    String readWriteUrl() {
        if (isEmbeddedFile()) {
            return url + FILE_SETTINGS;
        }
        return isEmbedded() ? url + ";hsqldb.tx=mvcc" : url;
    }

    /** Opens without writing a byte: HSQLDB replays its log in memory only (verified by a test). */
    String readOnlyUrl() {
        return url + ";readonly=true;ifexists=true;hsqldb.lock_file=false";
    }

    /** The path prefix of the HSQLDB files, e.g. {@code /data/store/keyway}. */
    Path filesPrefix() {
        String rest = url.substring(FILE_PREFIX.length());
        int semicolon = rest.indexOf(';');
        return Path.of(semicolon < 0 ? rest : rest.substring(0, semicolon)).toAbsolutePath();
    }

    boolean filesExist() {
        Path prefix = filesPrefix();
        return Files.exists(sibling(prefix, ".properties")) || Files.exists(sibling(prefix, ".script"));
    }

    Path defaultLockFile() {
        return sibling(filesPrefix(), ".store-lock");
    }

    /** Column type for ciphertext. */
    String binaryType(int length) {
        return isPostgres() ? "BYTEA" : "VARBINARY(" + length + ")";
    }

    private static Path sibling(Path prefix, String suffix) {
        return prefix.resolveSibling(prefix.getFileName() + suffix);
    }
}
