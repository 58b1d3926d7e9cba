package dev.keyway.engine.exec;

import dev.keyway.api.Execution;
import dev.keyway.engine.record.ExecutionError;
import dev.keyway.engine.record.ExecutionRecord;
import dev.keyway.engine.record.ExecutionStatus;
import dev.keyway.engine.record.LogLine;
import dev.keyway.engine.record.NodeError;
import dev.keyway.engine.record.NodeRecord;
import dev.keyway.engine.record.NodeStatus;
import dev.keyway.engine.record.Redactor;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Builds the redacted record of an ended execution. Every string that enters it passes the redactor.
 * A no-store execution's record says how each node ended (status, times, error) but carries none of
 * its data (inputs, outputs, logs): nothing keeps it, and what is never copied cannot leak.
 */
final class RecordBuilder {

    private final Redactor redactor;

    RecordBuilder(Redactor redactor) {
        this.redactor = redactor;
    }

    ExecutionRecord build(Execution execution, Instant startedAt, Instant finishedAt, Collection<NodeState> states,
                          Map<String, Object> outputs, ExecutionError error) {
        boolean withData = !execution.noStore();
        List<NodeRecord> nodes = new ArrayList<>(states.size());
        for (NodeState state : states) {
            nodes.add(node(state, withData));
        }
        ExecutionError redactedError = error == null ? null
                : new ExecutionError(error.nodeId(), error.code(), redactor.scrub(error.message()));
        return new ExecutionRecord(execution.id(), execution.patternId(), execution.principal().user(),
                execution.principal().workspace(), execution.environment(),
                error == null ? ExecutionStatus.SUCCEEDED : ExecutionStatus.FAILED,
                startedAt, finishedAt, Duration.between(startedAt, finishedAt).toMillis(),
                redactor.redactMap(execution.trigger()), nodes,
                error == null ? redactor.redactMap(outputs) : null, redactedError);
    }

    private NodeRecord node(NodeState state, boolean withData) {
        NodeError error = state.error == null ? null
                : new NodeError(state.error.code(), redactor.scrub(state.error.message()));
        Instant startedAt = state.phase == NodeState.Phase.SKIPPED ? null : state.startedAt;
        if (!withData) {
            return new NodeRecord(state.node.id(), state.node.type(), status(state.phase), startedAt, state.durationMs,
                    null, null, error, List.of());
        }
        List<LogLine> logs;
        synchronized (state.logs) {
            // Logged before a later secret was registered? Scrub again with everything known now.
            logs = state.logs.stream()
                    .map(line -> new LogLine(line.at(), line.level(), redactor.scrub(line.message())))
                    .toList();
        }
        return new NodeRecord(state.node.id(), state.node.type(), status(state.phase), startedAt, state.durationMs,
                redactor.redactMap(state.inputs), redactor.redactMap(state.outputs), error, logs);
    }

    private static NodeStatus status(NodeState.Phase phase) {
        return switch (phase) {
            case SUCCEEDED -> NodeStatus.SUCCEEDED;
            case FAILED, RUNNING -> NodeStatus.FAILED;
            case PENDING, SKIPPED -> NodeStatus.SKIPPED;
        };
    }
}
