package dev.keyway.engine.record;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What one node did in an execution. Values are redacted JDK values.
 *
 * @param startedAt  null for skipped nodes
 * @param durationMs null for skipped nodes
 * @param inputs     resolved inputs (and properties) the node saw, null when it never ran or the
 *                   execution was no-store
 * @param outputs    what it produced, null unless it succeeded (and always null when no-store)
 * @param error      why it failed, null unless it failed
 * @param logs       what it logged; empty when no-store
 */
public record NodeRecord(
        String id,
        String type,
        NodeStatus status,
        Instant startedAt,
        Long durationMs,
        Map<String, Object> inputs,
        Map<String, Object> outputs,
        NodeError error,
        List<LogLine> logs) {

    public NodeRecord {
        logs = logs == null ? List.of() : List.copyOf(logs);
    }
}
