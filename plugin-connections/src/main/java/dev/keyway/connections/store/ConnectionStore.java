package dev.keyway.connections.store;

import dev.keyway.api.Principal;
import dev.keyway.api.Secret;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The encrypted connection store.
 *
 * <p>Visibility: a connection is visible to its owner and to users it is shared with, within its
 * workspace. Anything else behaves exactly like a missing id, so no answer reveals that another
 * user's connection exists. Metadata reads never decrypt; only {@code resolve*} does, per call,
 * and nothing keeps the plaintext.
 *
 * <p>Open one with {@link JdbcConnectionStore#open(StoreOptions)}; close it when the plugin stops.
 */
public interface ConnectionStore extends AutoCloseable {

    /** Creates a connection owned by {@code owner} in the owner's workspace. */
    Connection create(Principal owner, NewConnection request);

    /**
     * Creates several connections in one transaction (an import): all or none. Much faster than
     * one {@link #create} per row, which syncs the log per commit.
     */
    List<Connection> createAll(Principal owner, List<NewConnection> requests);

    /** Metadata of a visible connection (any environment), never the credentials. */
    Optional<Connection> get(String connectionId, Principal principal);

    /** The caller's own and shared-with-them connections in their workspace, filtered. */
    List<Connection> list(Principal principal, ConnectionFilter filter);

    /**
     * The connection with decrypted credentials, for use in {@code environment}.
     *
     * @throws ConnectionNotFoundException if it is missing, not visible, or of another environment
     * @throws dev.keyway.connections.crypto.TamperedException if its ciphertext fails authentication
     */
    ResolvedConnection resolve(String connectionId, Principal principal, String environment);

    /**
     * Resolves by provider and display name in {@code environment}, so one pattern runs unchanged in
     * each environment. The caller's own connection wins over one shared with them.
     *
     * @throws AmbiguousConnectionException if several match at the same rank
     */
    ResolvedConnection resolveByName(String provider, String displayName, Principal principal, String environment);

    /** Changes metadata and/or credentials; owner only. */
    Connection update(String connectionId, Principal owner, ConnectionUpdate update);

    /**
     * Replaces the credentials on behalf of the runtime (an OAuth refresh by whichever user's
     * execution noticed the expiry), compare-and-set on {@code expectedRowVersion}.
     *
     * @throws ConcurrentUpdateException if another engine refreshed first; re-resolve and use its tokens
     */
    Connection refreshCredentials(String connectionId, Credentials credentials, long expectedRowVersion);

    /** Records the outcome of a credential test on behalf of the runtime. */
    Connection recordStatus(String connectionId, ConnectionStatus status);

    /** Shares with another user of the same workspace; owner only. */
    Connection share(String connectionId, Principal owner, String user);

    /** Stops sharing; owner only. */
    Connection unshare(String connectionId, Principal owner, String user);

    /** Deletes the connection and the secrets seeded from it; owner only. Returns whether it existed. */
    boolean delete(String connectionId, Principal owner);

    /** Appends to the usage trail and updates {@link Connection#lastUsedAt()}. */
    void recordUsage(UsageEvent event);

    /** Appends several usage events in one transaction: one durable commit instead of one per event. */
    void recordUsage(java.util.List<UsageEvent> events);

    /** The newest usage events of a visible connection, newest first. */
    List<UsageEvent> usage(String connectionId, Principal principal, int limit);

    /**
     * Seeds the connection's credential fields as environment secrets of the owner's workspace.
     *
     * @param plan secret name to credential field, e.g. from {@link SecretNames#plan}
     */
    SeedResult seedSecrets(String connectionId, Principal owner, SecretScope scope, Map<String, String> plan);

    /**
     * An environment secret by name for the caller's workspace and {@code environment}; a value
     * seeded into that environment wins over one seeded into all environments.
     */
    Optional<Secret> environmentSecret(Principal principal, String environment, String name);

    /** Names of the secrets visible in the workspace's {@code environment}. */
    List<String> environmentSecretNames(Principal principal, String environment);

    /** Key rotation and status. */
    KeyManager keys();

    /** Closes connections and, for an embedded database, shuts it down and releases the lock. */
    @Override
    void close();
}
