package dev.keyway.connections.testing;

import dev.keyway.api.NodeException;
import dev.keyway.api.Principal;
import dev.keyway.connections.nodes.ConnectionResolver;
import dev.keyway.connections.nodes.ConnectionSummary;
import dev.keyway.connections.nodes.ResolvedConnection;
import dev.keyway.connections.nodes.UsageContext;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Connections kept in memory per user and environment, resolved by id or provider/Display Name. */
public class InMemoryResolver implements ConnectionResolver {

    private record Key(String user, String workspace, String environment) {
    }

    /** One recorded use, as the store's usage trail would keep it. */
    public record Use(String connectionId, String executionId, String nodeId, String targetHost, String outcome) {
    }

    private final Map<Key, List<ResolvedConnection>> connections = new ConcurrentHashMap<>();
    private final List<Use> uses = new CopyOnWriteArrayList<>();

    public InMemoryResolver add(Principal owner, String environment, ResolvedConnection connection) {
        connections.merge(new Key(owner.user(), owner.workspace(), environment), List.of(connection),
                (a, b) -> java.util.stream.Stream.concat(a.stream(), b.stream()).toList());
        return this;
    }

    @Override
    public ResolvedConnection resolve(String reference, Principal principal, String environment) {
        return visible(principal, environment).stream()
                .filter(c -> c.id().equals(reference) || (c.provider() + "/" + c.displayName()).equals(reference))
                .findFirst()
                .orElseThrow(() -> new NodeException("connection_not_found", "no connection '%s' for %s in %s",
                        reference, principal, environment));
    }

    @Override
    public void recordUse(ResolvedConnection connection, UsageContext usage, String targetHost, String outcome) {
        uses.add(new Use(connection.id(), usage.executionId(), usage.nodeId(), targetHost, outcome));
    }

    /** The uses recorded so far, oldest first. */
    public List<Use> uses() {
        return List.copyOf(uses);
    }

    @Override
    public List<ConnectionSummary> list(Principal principal, String environment) {
        return visible(principal, environment).stream()
                .map(c -> new ConnectionSummary(c.id(), c.provider(), c.displayName(), c.type(), "active", java.util.List.of()))
                .toList();
    }

    private List<ResolvedConnection> visible(Principal principal, String environment) {
        return connections.getOrDefault(new Key(principal.user(), principal.workspace(), environment), List.of());
    }
}
