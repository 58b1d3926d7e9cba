package dev.keyway.engine.record;

import java.util.List;
import java.util.Optional;

/** Keeps execution records (already redacted) and the audit trail. Implementations must be thread-safe. */
public interface RecordStore extends AutoCloseable {

    void save(ExecutionRecord record);

    /** Appends one audit line; never rewrites earlier ones. */
    void audit(AuditEntry entry);

    /** Up to {@code limit} records, newest first. */
    List<ExecutionRecord> list(int limit);

    Optional<ExecutionRecord> get(String executionId);

    /** Releases any file held open; the store stays usable and reopens what it needs. */
    @Override
    default void close() {
    }
}
