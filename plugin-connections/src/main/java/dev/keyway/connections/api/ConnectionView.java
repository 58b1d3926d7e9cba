package dev.keyway.connections.api;

import dev.keyway.api.Principal;
import dev.keyway.connections.ConnectionType;
import dev.keyway.connections.store.Connection;
import dev.keyway.connections.store.SeedResult;
import dev.keyway.connections.store.UsageEvent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The JSON shapes of connections, built from metadata only: a {@link Connection} holds no
 * credential, so nothing here can leak one. Absent values are present as null, so every answer
 * has the same keys.
 */
public final class ConnectionView {

    private ConnectionView() {
    }

    /** A connection as {@code principal} may see it; {@code sharedWith} is the owner's business alone. */
    public static Map<String, Object> of(Connection c, Principal principal) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", c.id());
        view.put("provider", c.provider());
        view.put("displayName", c.displayName());
        view.put("type", c.type().id());
        view.put("status", c.status().state().wire());
        view.put("statusReason", c.status().reason());
        view.put("lastCheckedAt", Timestamps.format(c.status().lastCheckedAt()));
        view.put("scopes", c.scopes());
        view.put("tags", List.copyOf(new TreeSet<>(c.tags())));
        view.put("environment", c.environment());
        view.put("owner", c.owner());
        if (c.isOwnedBy(principal.user())) {
            view.put("sharedWith", List.copyOf(new TreeSet<>(c.sharedWith())));
        }
        view.put("baseUrl", c.baseUrl());
        view.put("allowedHosts", c.allowedHosts());
        view.put("createdAt", Timestamps.format(c.createdAt()));
        view.put("updatedAt", Timestamps.format(c.updatedAt()));
        view.put("lastUsedAt", Timestamps.format(c.lastUsedAt()));
        view.put("credentialsExpireAt", Timestamps.format(c.credentialsExpireAt()));
        // OAuth: a provider that says nothing about expiry gets its token renewed on a 401 only.
        view.put("tokenRenewal", c.type() != ConnectionType.OAUTH ? null
                : c.credentialsExpireAt() == null ? "on_401_only" : "ahead_of_expiry");
        return view;
    }

    /** The answer to a create: the connection and the environment secrets seeded from it. */
    static Map<String, Object> created(Connection c, Principal principal, SeedResult seeded) {
        Map<String, Object> view = of(c, principal);
        Map<String, Object> seed = new LinkedHashMap<>();
        seed.put("secretsSeeded", seeded.secretsSeeded());
        seed.put("secretNames", seeded.secretNames());
        view.put("seedResult", seed);
        return view;
    }

    static Map<String, Object> usage(UsageEvent event) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("connectionId", event.connectionId());
        view.put("executionId", event.executionId());
        view.put("nodeId", event.nodeId());
        view.put("targetHost", event.targetHost());
        view.put("at", Timestamps.format(event.at()));
        view.put("outcome", event.outcome());
        return view;
    }
}
