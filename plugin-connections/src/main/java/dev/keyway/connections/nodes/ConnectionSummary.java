package dev.keyway.connections.nodes;

import java.util.Objects;

/**
 * A connection as the picker lists it: no credential material.
 *
 * @param id          e.g. {@code conn_abc123}
 * @param provider    provider id
 * @param displayName the owner's label
 * @param type        auth kind id
 * @param status      {@code active} or {@code not_active}
 * @param tags        the owner's labels, sorted
 */
public record ConnectionSummary(String id, String provider, String displayName, String type, String status,
                                java.util.List<String> tags) {

    public ConnectionSummary {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(type, "type");
        status = status == null ? "active" : status;
        tags = tags == null ? java.util.List.of() : tags.stream().sorted().toList();
    }
}
