package dev.keyway.engine.pattern;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A reference to a value produced at run time: {@code nodeId.output.deeper.path} or
 * {@code trigger.field.path}. An immutable value, equal by what was written; its source and path
 * are split once here, since every execution follows every wire.
 */
public final class Wire {

    /** The reserved source name for the trigger payload. */
    public static final String TRIGGER = "trigger";

    private final String from;
    private final Object defaultValue;
    private final boolean hasDefault;
    private final String source;
    private final List<String> path;

    /**
     * @param from         the dotted path as written
     * @param defaultValue used when the path resolves to nothing (only if {@code hasDefault})
     * @param hasDefault   whether a default was written; a default of JSON null is still a default
     */
    public Wire(String from, Object defaultValue, boolean hasDefault) {
        this.from = Objects.requireNonNull(from, "from");
        this.defaultValue = defaultValue;
        this.hasDefault = hasDefault;
        int dot = from.indexOf('.');
        this.source = dot < 0 ? from : from.substring(0, dot);
        this.path = dot < 0 ? List.of() : List.copyOf(Arrays.asList(from.substring(dot + 1).split("\\.", -1)));
    }

    public static Wire to(String from) {
        return new Wire(from, null, false);
    }

    /** The dotted path as written. */
    public String from() {
        return from;
    }

    public Object defaultValue() {
        return defaultValue;
    }

    public boolean hasDefault() {
        return hasDefault;
    }

    /** The node id (or {@code trigger}) the wire reads from. */
    public String source() {
        return source;
    }

    /** The segments after the source; the first one names an output of a node. */
    public List<String> path() {
        return path;
    }

    public boolean fromTrigger() {
        return TRIGGER.equals(source);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Wire wire && from.equals(wire.from) && hasDefault == wire.hasDefault
                && Objects.equals(defaultValue, wire.defaultValue);
    }

    @Override
    public int hashCode() {
        return Objects.hash(from, defaultValue, hasDefault);
    }

    @Override
    public String toString() {
        return "Wire[from=" + from + ", defaultValue=" + defaultValue + ", hasDefault=" + hasDefault + "]";
    }
}
