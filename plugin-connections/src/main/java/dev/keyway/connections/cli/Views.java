package dev.keyway.connections.cli;

import dev.keyway.connections.ConnectionType;
import dev.keyway.connections.providers.CredentialField;
import dev.keyway.connections.providers.Provider;
import dev.keyway.connections.providers.SeededSecret;
import dev.keyway.connections.service.CreatedConnection;
import dev.keyway.connections.store.Connection;
import dev.keyway.connections.store.SeedResult;
import dev.keyway.connections.store.UsageEvent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The JSON shapes, named as in the REST API. Built from metadata only: nothing here can reach a
 * credential, because {@link Connection} holds none.
 */
final class Views {

    private Views() {
    }

    /** Everything known about a connection except its credentials. */
    static Map<String, Object> connection(Connection c) {
        Map<String, Object> view = head(c);
        view.put("statusReason", c.status().reason());
        view.put("lastCheckedAt", Times.wire(c.status().lastCheckedAt()));
        view.put("environment", c.environment());
        view.put("workspace", c.workspace());
        view.put("owner", c.owner());
        view.put("sharedWith", sorted(c.sharedWith()));
        view.put("tags", sorted(c.tags()));
        view.put("scopes", c.scopes());
        view.put("baseUrl", c.baseUrl());
        view.put("allowedHosts", c.allowedHosts());
        view.put("createdAt", Times.wire(c.createdAt()));
        view.put("updatedAt", Times.wire(c.updatedAt()));
        view.put("lastUsedAt", Times.wire(c.lastUsedAt()));
        view.put("credentialsExpireAt", Times.wire(c.credentialsExpireAt()));
        return view;
    }

    /** The REST API's create response: the head, the creation time and what was seeded. */
    static Map<String, Object> created(CreatedConnection created) {
        Map<String, Object> view = head(created.connection());
        view.put("createdAt", Times.wire(created.connection().createdAt()));
        view.put("seedResult", seedResult(created.seedResult()));
        return view;
    }

    static Map<String, Object> seedResult(SeedResult seeded) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("secretsSeeded", seeded.secretsSeeded());
        view.put("secretNames", seeded.secretNames());
        return view;
    }

    /** What every connection view starts with, in the REST API's order. */
    private static Map<String, Object> head(Connection c) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", c.id());
        view.put("provider", c.provider());
        view.put("displayName", c.displayName());
        view.put("type", c.type().id());
        view.put("status", c.status().state().wire());
        return view;
    }

    static Map<String, Object> usage(UsageEvent event) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("at", Times.wire(event.at()));
        view.put("outcome", event.outcome());
        view.put("targetHost", event.targetHost());
        view.put("executionId", event.executionId());
        view.put("nodeId", event.nodeId());
        return view;
    }

    static Map<String, Object> provider(Provider p) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", p.id());
        view.put("displayName", p.displayName());
        view.put("types", p.authKinds().stream().map(ConnectionType::id).toList());
        List<Map<String, Object>> fields = new ArrayList<>();
        for (CredentialField f : p.fields()) {
            Map<String, Object> field = new LinkedHashMap<>();
            field.put("name", f.name());
            field.put("label", f.label());
            field.put("secret", f.secret());
            field.put("required", f.required());
            field.put("default", f.defaultValue());
            field.put("allowedValues", f.allowedValues());
            fields.add(field);
        }
        view.put("fields", fields);
        view.put("seededSecrets", seededNames(p));
        view.put("testable", p.testIfAny().isPresent());
        return view;
    }

    /** The environment secret names a connection of {@code p} seeds, aliases included. */
    static List<String> seededNames(Provider p) {
        List<String> names = new ArrayList<>();
        for (SeededSecret s : p.secrets()) {
            names.add(s.name());
            names.addAll(s.aliases());
        }
        return names;
    }

    static List<String> sorted(Collection<String> values) {
        return List.copyOf(new TreeSet<>(values));
    }
}
