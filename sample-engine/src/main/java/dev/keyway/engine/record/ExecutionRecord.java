package dev.keyway.engine.record;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything about one execution, already redacted: safe to store, print and return.
 *
 * @param trigger the trigger payload, credential fields masked
 * @param nodes   one entry per node, in pattern order
 * @param outputs the pattern's outputs; null when the execution failed
 * @param error   the first failure; null when it succeeded
 */
public record ExecutionRecord(
        String id,
        String patternId,
        String user,
        String workspace,
        String environment,
        ExecutionStatus status,
        Instant startedAt,
        Instant finishedAt,
        long durationMs,
        Map<String, Object> trigger,
        List<NodeRecord> nodes,
        Map<String, Object> outputs,
        ExecutionError error) {

    public ExecutionRecord {
        nodes = nodes == null ? List.of() : List.copyOf(nodes);
    }

    public java.util.Optional<NodeRecord> node(String nodeId) {
        return nodes.stream().filter(n -> n.id().equals(nodeId)).findFirst();
    }
}
