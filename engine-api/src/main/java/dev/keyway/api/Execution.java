package dev.keyway.api;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One run of a pattern, as a node sees it.
 *
 * @param id          unique execution id
 * @param patternId   the pattern being run
 * @param principal   who started it; connections are resolved for this user
 * @param environment e.g. {@code development}, {@code staging}, {@code production}
 * @param trigger     the trigger payload (credential fields already wrapped as {@link Secret})
 * @param noStore     when true the host keeps no data of this execution, only an audit line
 * @param deadline    when the whole execution must be over
 */
public record Execution(
        String id,
        String patternId,
        Principal principal,
        String environment,
        Map<String, Object> trigger,
        boolean noStore,
        Instant deadline) {

    public Execution {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(patternId, "patternId");
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(environment, "environment");
        trigger = trigger == null ? Map.of() : java.util.Collections.unmodifiableMap(trigger);
        Objects.requireNonNull(deadline, "deadline");
    }
}
