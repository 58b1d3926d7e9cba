package dev.keyway.connections.store;

import java.time.Instant;
import java.util.Objects;

/**
 * One use of a connection, for the append-only usage trail. Holds no credential material.
 *
 * @param connectionId the connection used
 * @param executionId  the execution that used it
 * @param nodeId       the node that used it
 * @param targetHost   where the credentials were sent (host or host:port), or null
 * @param at           when
 * @param outcome      e.g. "ok", "http_401", "refused_host"
 */
public record UsageEvent(String connectionId, String executionId, String nodeId, String targetHost, Instant at,
                         String outcome) {

    public UsageEvent {
        Objects.requireNonNull(connectionId, "connectionId");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(outcome, "outcome");
    }
}
