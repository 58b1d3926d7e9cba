package dev.keyway.connections.store;

import dev.keyway.api.Principal;
import dev.keyway.api.Secret;
import dev.keyway.connections.crypto.DataKey;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Lock;

/**
 * {@link ConnectionStore} over JDBC (HSQLDB embedded by default). See {@link StoreOpener} for the
 * start-up order and {@link CredentialCipher} for what each ciphertext is bound to.
 */
public final class JdbcConnectionStore implements ConnectionStore {

    private final StoreOpener.Opened opened;
    private final SessionPool pool;
    private final DataKeys keys;
    private final Clock clock;
    private final JdbcKeyManager keyManager;
    private final AtomicBoolean closed = new AtomicBoolean();

    private JdbcConnectionStore(StoreOpener.Opened opened, Clock clock) {
        this.opened = opened;
        this.pool = opened.pool();
        this.keys = opened.keys();
        this.clock = clock;
        this.keyManager = new JdbcKeyManager(pool, keys, clock);
    }

    /**
     * Opens (creating on first start) the store described by {@code options}.
     *
     * @throws dev.keyway.connections.crypto.MasterKeyException if the master key is missing or wrong
     * @throws StoreVersionException if a newer Keyway wrote the database
     * @throws StoreException        if the database is locked or unreachable
     */
    /** The store's database, for benchmarks that compare the store with raw JDBC on the same data. */
    javax.sql.DataSource dataSource() {
        return pool.dataSource();
    }

    public static JdbcConnectionStore open(StoreOptions options) {
        JdbcDrivers.storeOpened();
        try {
            return new JdbcConnectionStore(StoreOpener.open(options), options.clock());
        } catch (RuntimeException e) {
            JdbcDrivers.storeClosed();
            throw e;
        }
    }

    @Override
    public Connection create(Principal owner, NewConnection request) {
        return createAll(owner, List.of(request)).get(0);
    }

    @Override
    public List<Connection> createAll(Principal owner, List<NewConnection> requests) {
        Instant now = now();
        List<Connection> connections = new ArrayList<>(requests.size());
        for (NewConnection request : requests) {
            connections.add(new Connection(ConnectionIds.next(), owner.workspace(), owner.user(), request.provider(),
                    request.displayName(), request.type(), request.environment(), request.status(), request.scopes(),
                    request.tags(), Set.of(), request.baseUrl(), request.allowedHosts(), now, now, null,
                    request.credentials().expiresAt(), 1));
        }
        return sealingWrite("create connections", (session, key) -> {
            for (int i = 0; i < requests.size(); i++) {
                Connection connection = connections.get(i);
                ConnectionTable.insert(session, connection,
                        CredentialCipher.sealConnection(key, identity(connection), requests.get(i).credentials()));
            }
            return List.copyOf(connections);
        });
    }

    @Override
    public Optional<Connection> get(String connectionId, Principal principal) {
        return pool.read("read a connection", session -> ConnectionTable.find(session, connectionId, false))
                .filter(row -> row.visibleTo(principal.user(), principal.workspace()))
                .map(ConnectionRow::connection);
    }

    @Override
    public List<Connection> list(Principal principal, ConnectionFilter filter) {
        List<ConnectionRow> rows = pool.read("list connections", session -> {
            List<ConnectionRow> all = new ArrayList<>(ConnectionTable.owned(session, principal.workspace(),
                    principal.user()));
            all.addAll(ConnectionTable.sharedWith(session, principal.workspace(), principal.user()));
            return all;
        });
        Map<String, Connection> unique = new LinkedHashMap<>();
        rows.forEach(row -> unique.putIfAbsent(row.connection().id(), row.connection()));
        return unique.values().stream()
                .filter(filter::matches)
                .sorted(Comparator.comparing(Connection::createdAt).thenComparing(Connection::id))
                .toList();
    }

    @Override
    public ResolvedConnection resolve(String connectionId, Principal principal, String environment) {
        return pool.read("resolve a connection", session -> {
            ConnectionRow row = usable(ConnectionTable.find(session, connectionId, true), principal, environment)
                    .orElseThrow(() -> new ConnectionNotFoundException(connectionId, principal.user(), environment));
            return decrypt(session, row, principal, environment);
        });
    }

    @Override
    public ResolvedConnection resolveByName(String provider, String displayName, Principal principal,
                                            String environment) {
        return pool.read("resolve a connection by name", session -> {
            List<ConnectionRow> candidates = ConnectionTable.byName(session, principal.workspace(), environment,
                    provider, displayName).stream()
                    .filter(row -> row.visibleTo(principal.user(), principal.workspace()))
                    .toList();
            List<ConnectionRow> owned = candidates.stream()
                    .filter(row -> row.connection().isOwnedBy(principal.user())).toList();
            List<ConnectionRow> best = owned.isEmpty() ? candidates : owned;
            if (best.isEmpty()) {
                throw new ConnectionNotFoundException("connection %s/%s was deleted or is not available to user %s "
                        + "in environment %s; create it there, or ask its owner to share it", provider, displayName,
                        principal.user(), environment);
            }
            if (best.size() > 1) {
                throw new AmbiguousConnectionException(provider, displayName, environment,
                        best.stream().map(row -> row.connection().id()).toList());
            }
            return decrypt(session, best.get(0), principal, environment);
        });
    }

    @Override
    public Connection update(String connectionId, Principal owner, ConnectionUpdate update) {
        return sealingWrite("update a connection", (session, key) -> {
            ConnectionRow row = owned(session, connectionId, owner, "update");
            Connection current = row.connection();
            if (update.expectedRowVersion() != null && update.expectedRowVersion() != current.rowVersion()) {
                throw new ConcurrentUpdateException(connectionId, update.expectedRowVersion());
            }
            Credentials credentials = update.credentials();
            Connection next = new Connection(current.id(), current.workspace(), current.owner(), current.provider(),
                    update.displayName() == null ? current.displayName() : Names.require("displayName",
                            update.displayName()),
                    current.type(), current.environment(), update.status() == null ? current.status() : update.status(),
                    update.scopes() == null ? current.scopes() : update.scopes(),
                    update.tags() == null ? current.tags() : update.tags(), current.sharedWith(),
                    update.baseUrl() == null ? current.baseUrl() : update.baseUrl(),
                    update.allowedHosts() == null ? current.allowedHosts() : update.allowedHosts(),
                    current.createdAt(), now(), current.lastUsedAt(),
                    credentials == null ? current.credentialsExpireAt() : credentials.expiresAt(),
                    current.rowVersion() + 1);
            return save(session, key, row, next, credentials);
        });
    }

    @Override
    public Connection refreshCredentials(String connectionId, Credentials credentials, long expectedRowVersion) {
        return sealingWrite("refresh connection credentials", (session, key) -> {
            ConnectionRow row = locked(session, connectionId)
                    .orElseThrow(() -> new ConnectionNotFoundException("connection %s was deleted; its credentials "
                            + "cannot be refreshed", connectionId));
            Connection current = row.connection();
            if (current.rowVersion() != expectedRowVersion) {
                throw new ConcurrentUpdateException(connectionId, expectedRowVersion);
            }
            return save(session, key, row, copy(current, current.status(), current.sharedWith(),
                    credentials.expiresAt()), credentials);
        });
    }

    @Override
    public Connection recordStatus(String connectionId, ConnectionStatus status) {
        return pool.write("record a connection status", session -> {
            ConnectionRow row = locked(session, connectionId)
                    .orElseThrow(() -> new ConnectionNotFoundException("connection %s was deleted; its status "
                            + "cannot be recorded", connectionId));
            Connection current = row.connection();
            return save(session, null, row, copy(current, status, current.sharedWith(),
                    current.credentialsExpireAt()), null);
        });
    }

    @Override
    public Connection share(String connectionId, Principal owner, String user) {
        String grantee = Names.requireUser(user);
        if (grantee.equals(owner.user())) {
            throw new InvalidRequestException("user %s owns connection %s already; share it with someone else",
                    grantee, connectionId);
        }
        return changeShares(connectionId, owner, "share", grantee, true);
    }

    @Override
    public Connection unshare(String connectionId, Principal owner, String user) {
        return changeShares(connectionId, owner, "unshare", Names.require("user", user), false);
    }

    private Connection changeShares(String connectionId, Principal owner, String operation, String user, boolean add) {
        return pool.write(operation + " a connection", session -> {
            ConnectionRow row = owned(session, connectionId, owner, operation);
            Connection current = row.connection();
            Set<String> users = new LinkedHashSet<>(current.sharedWith());
            boolean changed = add ? users.add(user) : users.remove(user);
            if (!changed) {
                return current;
            }
            if (add) {
                ConnectionTable.addShare(session, connectionId, user);
            } else {
                ConnectionTable.removeShare(session, connectionId, user);
            }
            return save(session, null, row, copy(current, current.status(), users, current.credentialsExpireAt()),
                    null);
        });
    }

    @Override
    public boolean delete(String connectionId, Principal owner) {
        return pool.write("delete a connection", session -> {
            Optional<ConnectionRow> row = ConnectionTable.find(session, connectionId, false)
                    .filter(r -> r.visibleTo(owner.user(), owner.workspace()));
            if (row.isEmpty()) {
                return false;
            }
            if (!row.get().connection().isOwnedBy(owner.user())) {
                throw new AccessDeniedException(connectionId, "delete", owner.user());
            }
            // The row first, as every write locks it first: the reverse order deadlocks with an update's reseed.
            boolean deleted = ConnectionTable.delete(session, connectionId);
            SecretTable.deleteOfConnection(session, connectionId);
            return deleted;
        });
    }

    @Override
    public void recordUsage(UsageEvent event) {
        recordUsage(List.of(event));
    }

    @Override
    public void recordUsage(List<UsageEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        // One batch of inserts, then one last-used update per connection: a busy connection's row is
        // written once per batch, not once per use (those updates also held up concurrent resolves).
        Map<String, Instant> lastUsed = new LinkedHashMap<>();
        for (UsageEvent event : events) {
            lastUsed.merge(event.connectionId(), event.at(), (a, b) -> a.isAfter(b) ? a : b);
        }
        pool.write("record connection uses", session -> {
            UsageTable.append(session, events);
            for (Map.Entry<String, Instant> use : lastUsed.entrySet()) {
                ConnectionTable.touchLastUsed(session, use.getKey(), use.getValue());
            }
            return null;
        });
    }

    @Override
    public List<UsageEvent> usage(String connectionId, Principal principal, int limit) {
        if (get(connectionId, principal).isEmpty()) {
            throw new ConnectionNotFoundException(connectionId, principal.user(), "any");
        }
        return pool.read("read the usage trail", session -> UsageTable.newest(session, connectionId, limit));
    }

    @Override
    public SeedResult seedSecrets(String connectionId, Principal owner, SecretScope scope, Map<String, String> plan) {
        plan.keySet().forEach(SecretNames::requireValid);
        return sealingWrite("seed environment secrets", (session, key) -> {
            ConnectionRow row = owned(session, connectionId, owner, "seed secrets from");
            try (ResolvedConnection resolved = decrypt(session, row, owner, row.connection().environment())) {
                Map<String, Secret> fields = resolved.credentials().fields();
                List<String> names = new ArrayList<>();
                for (Map.Entry<String, String> entry : plan.entrySet()) {
                    Secret value = fields.get(entry.getValue());
                    if (value == null) {
                        throw new InvalidRequestException("connection %s has no credential field '%s' to seed as %s; "
                                + "fields are %s", connectionId, entry.getValue(), entry.getKey(), fields.keySet());
                    }
                    List<SecretRow> existing = SecretTable.find(session, owner.workspace(), scope.environment(),
                            entry.getKey()).stream()
                            .filter(secret -> secret.identity().environment().equals(scope.environment())).toList();
                    // A name another connection seeded stays that connection's: replacing it would make the
                    // secret vanish when this (newer) connection is deleted, breaking the other's users.
                    if (existing.stream().anyMatch(secret -> !secret.identity().connectionId().equals(connectionId))) {
                        continue;
                    }
                    // Insert-only for a new name: a delete-then-insert would take over a name another
                    // connection seeded since the check above. The key decides; the loser retries and skips.
                    putSecret(session, key, new SecretRow.Identity(owner.workspace(), scope.environment(),
                            entry.getKey(), connectionId, entry.getValue()), value, !existing.isEmpty());
                    names.add(entry.getKey());
                }
                return new SeedResult(names.size(), names);
            }
        });
    }

    @Override
    public Optional<Secret> environmentSecret(Principal principal, String environment, String name) {
        return pool.read("read an environment secret", session -> {
            List<SecretRow> rows = SecretTable.find(session, principal.workspace(), environment, name);
            Optional<SecretRow> best = rows.stream()
                    .filter(row -> row.identity().environment().equals(environment)).findFirst()
                    .or(() -> rows.stream().findFirst());
            if (best.isEmpty()) {
                return Optional.empty();
            }
            SecretRow row = best.get();
            DataKey key = keyFor(session, row.keyVersion());
            if (key == null) {
                throw new dev.keyway.connections.crypto.TamperedException("environment secret %s cannot be "
                        + "decrypted: its data key v%d is gone; seed it again", name, row.keyVersion());
            }
            return Optional.of(CredentialCipher.openSecret(key, row.identity(), row.sealed()));
        });
    }

    @Override
    public List<String> environmentSecretNames(Principal principal, String environment) {
        return pool.read("list environment secrets",
                session -> SecretTable.names(session, principal.workspace(), environment));
    }

    @Override
    public KeyManager keys() {
        return keyManager;
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            pool.close(opened.target().isEmbedded() ? "SHUTDOWN" : null);
        } finally {
            keys.close();
            if (opened.lock() != null) {
                opened.lock().close();
            }
            JdbcDrivers.storeClosed();
        }
    }

    // ---- helpers ----

    /** A unit of work that seals with the given (primary) data key. */
    @FunctionalInterface
    private interface KeyedWork<T> {
        T run(Session session, DataKey key) throws SQLException;
    }

    /** Thrown inside a transaction to roll it back when its data key was retired meanwhile. */
    private static final class StaleKey extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StaleKey() {
            super(null, null, false, false);
        }
    }

    /**
     * Runs a write that seals with the primary key. Holding the retirement read lock keeps this
     * process's own rotation from retiring the key mid-write; the in-transaction state check catches
     * another engine's rotation, after which we reload the keys and try again.
     */
    private <T> T sealingWrite(String operation, KeyedWork<T> work) {
        Lock lock = keys.retirementLock().readLock();
        lock.lock();
        try {
            for (int attempt = 1; ; attempt++) {
                DataKey key = keys.primary();
                try {
                    return pool.write(operation, session -> {
                        T result = work.run(session, key);
                        if (!KeyTable.isLive(session.connection(), key.version())) {
                            throw new StaleKey();
                        }
                        return result;
                    });
                } catch (StaleKey stale) {
                    if (attempt == 3) {
                        throw new StoreException("cannot %s: the data keys keep changing; retry after the key "
                                + "rotation finishes", operation);
                    }
                    pool.read("reload data keys", session -> {
                        keys.reload(session);
                        return null;
                    });
                }
            }
        } finally {
            lock.unlock();
        }
    }

    private Connection save(Session session, DataKey key, ConnectionRow row, Connection next, Credentials credentials)
            throws SQLException {
        CredentialCipher.Sealed sealed = credentials == null
                ? new CredentialCipher.Sealed(row.keyVersion(), row.sealed())
                : CredentialCipher.sealConnection(key, identity(next), credentials);
        if (!ConnectionTable.save(session, next, sealed)) {
            throw new ConcurrentUpdateException(next.id(), row.connection().rowVersion());
        }
        if (credentials != null) {
            reseed(session, key, next.id(), credentials);
        }
        return next;
    }

    /** New credentials flow into the secrets seeded from them; a field that went away takes its secrets along. */
    private void reseed(Session session, DataKey key, String connectionId, Credentials credentials)
            throws SQLException {
        for (SecretRow seeded : SecretTable.ofConnection(session, connectionId)) {
            Secret value = credentials.fields().get(seeded.identity().fieldName());
            if (value == null) {
                SecretTable.delete(session, seeded.identity());
            } else {
                putSecret(session, key, seeded.identity(), value, true);
            }
        }
    }

    /** Writes an environment secret, replacing the row of that name or only inserting a new one. */
    private void putSecret(Session session, DataKey key, SecretRow.Identity identity, Secret value, boolean replace)
            throws SQLException {
        CredentialCipher.Sealed sealed = CredentialCipher.sealSecret(key, identity, value);
        SecretRow row = new SecretRow(identity, sealed.keyVersion(), sealed.blob());
        if (replace) {
            SecretTable.put(session, row, clock.millis());
        } else {
            SecretTable.insert(session, row, clock.millis());
        }
    }

    /**
     * Reads a row for a read-modify-write, locked first: writers of one row then queue instead of
     * racing. Unlocked, the later of two writers found the row changed under MVCC and failed with
     * "read it again and retry", though it had asked for no particular version.
     */
    private static Optional<ConnectionRow> locked(Session session, String connectionId) throws SQLException {
        ConnectionTable.lock(session, connectionId);
        return ConnectionTable.find(session, connectionId, true);
    }

    private ConnectionRow owned(Session session, String connectionId, Principal owner, String operation)
            throws SQLException {
        ConnectionRow row = locked(session, connectionId)
                .filter(r -> r.visibleTo(owner.user(), owner.workspace()))
                .orElseThrow(() -> new ConnectionNotFoundException(connectionId, owner.user(), "any"));
        if (!row.connection().isOwnedBy(owner.user())) {
            throw new AccessDeniedException(connectionId, operation, owner.user());
        }
        return row;
    }

    private static Optional<ConnectionRow> usable(Optional<ConnectionRow> row, Principal principal,
                                                  String environment) {
        return row.filter(r -> r.visibleTo(principal.user(), principal.workspace())
                && r.connection().environment().equals(environment));
    }

    /**
     * Decrypts a row. If its key version is unknown here, another engine rotated: reload the keys.
     * If the version is retired, a rotation moved the row after we read it: read it once more.
     */
    private ResolvedConnection decrypt(Session session, ConnectionRow row, Principal principal, String environment)
            throws SQLException {
        ConnectionRow current = row;
        DataKey key = keyFor(session, current.keyVersion());
        if (key == null) {
            current = usable(ConnectionTable.find(session, row.connection().id(), true), principal, environment)
                    .orElseThrow(() -> new ConnectionNotFoundException(row.connection().id(), principal.user(),
                            environment));
            key = keyFor(session, current.keyVersion());
            if (key == null) {
                throw CredentialCipher.tampered(current.connection().id());
            }
        }
        Map<String, Secret> fields = CredentialCipher.openConnection(key, current.identity(), current.sealed());
        return new ResolvedConnection(current.connection(),
                new Credentials(fields, current.connection().credentialsExpireAt()));
    }

    private DataKey keyFor(Session session, int version) throws SQLException {
        Optional<DataKey> key = keys.cached(version);
        if (key.isEmpty()) {
            keys.reload(session);
            key = keys.cached(version);
        }
        return key.orElse(null);
    }

    private Connection copy(Connection c, ConnectionStatus status, Set<String> sharedWith, Instant expiresAt) {
        return new Connection(c.id(), c.workspace(), c.owner(), c.provider(), c.displayName(), c.type(),
                c.environment(), status, c.scopes(), c.tags(), sharedWith, c.baseUrl(), c.allowedHosts(),
                c.createdAt(), now(), c.lastUsedAt(), expiresAt, c.rowVersion() + 1);
    }

    private static ConnectionRow.Identity identity(Connection c) {
        return new ConnectionRow.Identity(c.id(), c.workspace(), c.owner(), c.environment());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
