package dev.keyway.connections.nodes;

import dev.keyway.api.NodeContext;

/**
 * Which execution and node use a connection, for the usage trail.
 *
 * @param executionId the execution's id
 * @param nodeId      the node's id within the pattern
 */
public record UsageContext(String executionId, String nodeId) {

    public static UsageContext of(NodeContext context) {
        return new UsageContext(context.execution().id(), context.nodeId());
    }
}
