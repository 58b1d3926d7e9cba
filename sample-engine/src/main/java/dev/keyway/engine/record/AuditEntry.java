package dev.keyway.engine.record;

import java.time.Instant;

/** The one line kept for every execution, including no-store ones: who ran what, and how it ended. Holds no data. */
public record AuditEntry(String id, String patternId, String user, String workspace, ExecutionStatus status,
                         Instant at) {

    public static AuditEntry of(ExecutionRecord record) {
        return new AuditEntry(record.id(), record.patternId(), record.user(), record.workspace(), record.status(),
                record.finishedAt());
    }
}
