package dev.keyway.engine.pattern;

import java.util.List;
import java.util.Objects;

/**
 * How a pattern is started.
 *
 * @param type        {@code manual} or {@code http}
 * @param path        for http triggers, the path it is served under, else null
 * @param method      for http triggers, the HTTP method (default POST), else null
 * @param credentials top-level payload fields that hold credential material and become secrets
 */
public record Trigger(String type, String path, String method, List<String> credentials) {

    public static final String MANUAL = "manual";
    public static final String HTTP = "http";

    public Trigger {
        Objects.requireNonNull(type, "type");
        credentials = List.copyOf(credentials == null ? List.of() : credentials);
    }

    public static Trigger manual() {
        return new Trigger(MANUAL, null, null, List.of());
    }
}
