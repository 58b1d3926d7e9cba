package dev.keyway.engine.exec;

import dev.keyway.engine.pattern.NodeDef;
import dev.keyway.engine.record.LogLine;
import dev.keyway.engine.record.NodeError;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;

/** The mutable state of one node during one execution; phase changes are guarded by the run's lock. */
final class NodeState {

    enum Phase { PENDING, RUNNING, SUCCEEDED, FAILED, SKIPPED }

    final NodeDef node;
    Phase phase = Phase.PENDING;
    Instant startedAt;
    Instant deadline;
    Long durationMs;
    Future<?> task;
    NodeError error;
    /** Written by the node's thread before it completes, read after: volatile for visibility. */
    volatile Map<String, Object> inputs;
    volatile Map<String, Object> outputs;
    final List<LogLine> logs = Collections.synchronizedList(new ArrayList<>());

    NodeState(NodeDef node) {
        this.node = node;
    }
}
