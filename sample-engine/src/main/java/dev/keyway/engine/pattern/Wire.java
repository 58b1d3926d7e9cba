package dev.keyway.engine.pattern;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A reference to a value produced at run time: {@code nodeId.output.deeper.path} or
 * {@code trigger.field.path}.
 *
 * @param from         the dotted path as written
 * @param defaultValue used when the path resolves to nothing (only if {@code hasDefault})
 * @param hasDefault   whether a default was written; a default of JSON null is still a default
 */
public record Wire(String from, Object defaultValue, boolean hasDefault) {

    /** The reserved source name for the trigger payload. */
    public static final String TRIGGER = "trigger";

    public Wire {
        Objects.requireNonNull(from, "from");
    }

    public static Wire to(String from) {
        return new Wire(from, null, false);
    }

    /** The node id (or {@code trigger}) the wire reads from. */
    public String source() {
        int dot = from.indexOf('.');
        return dot < 0 ? from : from.substring(0, dot);
    }

    /** The segments after the source; the first one names an output of a node. */
    public List<String> path() {
        int dot = from.indexOf('.');
        return dot < 0 ? List.of() : Arrays.asList(from.substring(dot + 1).split("\\.", -1));
    }

    public boolean fromTrigger() {
        return TRIGGER.equals(source());
    }
}
