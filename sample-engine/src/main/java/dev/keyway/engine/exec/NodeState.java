package dev.keyway.engine.exec;

import dev.keyway.api.support.AlarmClock;
import dev.keyway.engine.pattern.NodeDef;
import dev.keyway.engine.record.LogLine;
import dev.keyway.engine.record.NodeError;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** The mutable state of one node during one execution; phase changes are guarded by the run's lock. */
final class NodeState {

    enum Phase { PENDING, RUNNING, SUCCEEDED, FAILED, SKIPPED }

    final NodeDef node;
    Phase phase = Phase.PENDING;
    Instant startedAt;
    Instant deadline;
    Long durationMs;
    AlarmClock.Alarm alarm;
    NodeError error;
    /** Written by the node's thread before it completes, read after: volatile for visibility. */
    volatile Map<String, Object> inputs;
    volatile Map<String, Object> outputs;
    final List<LogLine> logs = Collections.synchronizedList(new ArrayList<>());

    /** The thread running the node's code, guarded by this object's monitor (not the run's lock). */
    private Thread runner;
    private boolean ended;
    private boolean interrupted;

    NodeState(NodeDef node) {
        this.node = node;
    }

    /** Called by the thread about to run the node; false when the node already ended (timed out, stopped). */
    synchronized boolean claim(Thread thread) {
        if (ended) {
            return false;
        }
        runner = thread;
        return true;
    }

    /** Called by that thread once the node's code returned; drops an interrupt meant for this node only. */
    synchronized void release() {
        runner = null;
        if (interrupted) {
            Thread.interrupted();
        }
    }

    /** The node ended from outside (failure, timeout): interrupts the thread still running it, if any. */
    synchronized void interrupt() {
        ended = true;
        if (runner != null) {
            interrupted = true;
            runner.interrupt();
        }
    }
}
