package dev.keyway.engine.record;

import com.fasterxml.jackson.annotation.JsonValue;

/** How a node ended; {@code skipped} nodes never ran because the execution failed first. */
public enum NodeStatus {
    SUCCEEDED, FAILED, SKIPPED;

    @JsonValue
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
