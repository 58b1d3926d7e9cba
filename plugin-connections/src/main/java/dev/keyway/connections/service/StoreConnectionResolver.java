package dev.keyway.connections.service;

import dev.keyway.api.NodeException;
import dev.keyway.api.Principal;
import dev.keyway.connections.crypto.TamperedException;
import dev.keyway.connections.nodes.ConnectionResolver;
import dev.keyway.connections.nodes.ConnectionSummary;
import dev.keyway.connections.nodes.ResolvedConnection;
import dev.keyway.connections.nodes.UsageContext;
import dev.keyway.connections.store.AmbiguousConnectionException;
import dev.keyway.connections.store.Connection;
import dev.keyway.connections.store.ConnectionFilter;
import dev.keyway.connections.store.ConnectionNotFoundException;
import dev.keyway.connections.store.ConnectionStore;
import dev.keyway.connections.store.UsageEvent;
import java.time.Clock;
import java.util.List;

/**
 * Resolves the nodes' connection references against the encrypted store, decrypting at that
 * moment for the execution's user and environment. Nothing is cached: every call decrypts anew,
 * so an updated key is used by the very next execution and a deleted one fails it. Each decrypt for
 * a node ends in the connection's usage trail, including one that fails on a tampered ciphertext.
 */
public final class StoreConnectionResolver implements ConnectionResolver {

    private final ConnectionStore store;
    private final Clock clock;
    private final java.util.function.Consumer<UsageEvent> usageSink;

    public StoreConnectionResolver(ConnectionStore store) {
        this(store, Clock.systemUTC());
    }

    /** Writes each usage event at once, in its own transaction. */
    public StoreConnectionResolver(ConnectionStore store, Clock clock) {
        this(store, clock, store::recordUsage);
    }

    /**
     * @param usage where usage events go, e.g. a {@link UsageRecorder} that batches them off the
     *              execution's path
     */
    public StoreConnectionResolver(ConnectionStore store, Clock clock, java.util.function.Consumer<UsageEvent> usage) {
        this.store = store;
        this.clock = clock;
        this.usageSink = usage;
    }

    @Override
    public ResolvedConnection resolve(String reference, Principal principal, String environment, UsageContext usage) {
        try {
            return resolve(reference, principal, environment);
        } catch (NodeException e) {
            if ("connection_unreadable".equals(e.code()) && reference.startsWith("conn_")) {
                // A failed decrypt of a visible connection is worth an entry; a name reference has no id to file it under.
                usageSink.accept(new UsageEvent(reference, usage.executionId(), usage.nodeId(), null, clock.instant(),
                        e.code()));
            }
            throw e;
        }
    }

    @Override
    public void recordUse(ResolvedConnection connection, UsageContext usage, String targetHost, String outcome) {
        usageSink.accept(new UsageEvent(connection.id(), usage.executionId(), usage.nodeId(), targetHost,
                clock.instant(), outcome));
    }

    @Override
    public ResolvedConnection resolve(String reference, Principal principal, String environment) {
        try (dev.keyway.connections.store.ResolvedConnection resolved = lookUp(reference, principal, environment)) {
            Connection c = resolved.connection();
            // Fresh Secret objects: the engine destroys what an execution saw when it ends.
            var fields = new java.util.LinkedHashMap<String, dev.keyway.api.Secret>();
            resolved.credentials().fields().forEach((name, secret) -> fields.put(name, secret.derive(v -> v)));
            return new ResolvedConnection(c.id(), c.provider(), c.displayName(), c.type().id(), c.baseUrl(),
                    c.allowedHosts(), fields);
        } catch (ConnectionNotFoundException e) {
            throw new NodeException(e, "connection_not_found", "%s", e.getMessage());
        } catch (AmbiguousConnectionException e) {
            throw new NodeException(e, "ambiguous_connection", "%s", e.getMessage());
        } catch (TamperedException e) {
            throw new NodeException(e, "connection_unreadable", "%s", e.getMessage());
        }
    }

    private dev.keyway.connections.store.ResolvedConnection lookUp(String reference, Principal principal, String environment) {
        if (reference.startsWith("conn_")) {
            return store.resolve(reference, principal, environment);
        }
        int slash = reference.indexOf('/');
        if (slash <= 0 || slash == reference.length() - 1) {
            throw new NodeException("invalid_connection_reference",
                    "'%s' is not a connection reference; use an id like conn_abc123 or 'provider/Display Name'", reference);
        }
        return store.resolveByName(reference.substring(0, slash), reference.substring(slash + 1), principal, environment);
    }

    @Override
    public List<ConnectionSummary> list(Principal principal, String environment) {
        return store.list(principal, new ConnectionFilter(null, null, environment, null)).stream()
                .map(c -> new ConnectionSummary(c.id(), c.provider(), c.displayName(), c.type().id(),
                        c.status().state().wire(), java.util.List.copyOf(c.tags())))
                .toList();
    }

    @Override
    public java.util.Optional<dev.keyway.api.Secret> environmentSecret(Principal principal, String environment, String name) {
        return store.environmentSecret(principal, environment, name);
    }
}
