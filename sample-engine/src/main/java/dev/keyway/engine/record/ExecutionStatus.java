package dev.keyway.engine.record;

import com.fasterxml.jackson.annotation.JsonValue;

/** How an execution ended. */
public enum ExecutionStatus {
    SUCCEEDED, FAILED;

    @JsonValue
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
