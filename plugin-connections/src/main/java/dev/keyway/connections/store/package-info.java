/**
 * The encrypted connection store.
 *
 * <h2>Wiring</h2>
 * <pre>{@code
 * StoreOptions options = StoreOptions.embedded(host.dataDirectory(), System.getenv());
 * // or StoreOptions.jdbc("jdbc:hsqldb:hsql://db:9001/keyway", user, password,
 * //          MasterKeyOptions.defaults(System.getenv(), host.dataDirectory().resolve("master.key")))
 * ConnectionStore store = JdbcConnectionStore.open(options);   // plugin start
 * try (ResolvedConnection c = store.resolve(id, principal, environment)) {
 *     String token = c.credentials().field("api-token").orElseThrow().reveal();
 * }
 * store.close();                                               // plugin stop
 * }</pre>
 *
 * <h2>Files (embedded default)</h2>
 * <pre>
 * &lt;dataDir&gt;/master.key              generated master key (rw-------), outside the database folder
 * &lt;dataDir&gt;/store/keyway.store-lock  our OS-level lock (FileChannel.tryLock), never written
 * &lt;dataDir&gt;/store/keyway.*          HSQLDB files (.properties, .script, .log, .data)
 * </pre>
 *
 * <h2>Start-up order</h2>
 * Take the OS lock (HSQLDB runs with {@code hsqldb.lock_file=false}: its heartbeat lock would make a
 * reopen after kill -9 wait about ten seconds); for an existing embedded database open it
 * read-only, refuse a newer schema version and check the master key against the stored key check;
 * only then open read-write, migrate ({@code keyway_schema_version}) and, on first start, create the
 * store id, key check and data key v1. A refused open leaves every file byte-identical.
 *
 * <h2>Durability and concurrency</h2>
 * Every commit is synced to HSQLDB's log ({@code hsqldb.write_delay=false}) before the call returns;
 * MVCC transactions let rotation batches run under live reads. A shared database (HSQLDB server mode,
 * PostgreSQL through a caller-supplied DataSource) serves several engines: optimistic row versions
 * and key-version checks inside write transactions coordinate them.
 *
 * <h2>Visibility</h2>
 * Owner, or a user the connection is shared with, in the same workspace; resolution also needs the
 * connection's environment. Everything else gets the same {@link
 * dev.keyway.connections.store.ConnectionNotFoundException} message as a missing id.
 */
package dev.keyway.connections.store;
