package dev.keyway.engine.exec;

import dev.keyway.api.Principal;
import dev.keyway.engine.pattern.Pattern;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A request to run a validated pattern once.
 *
 * @param pattern     what to run, as validated by the engine's parse or load
 * @param principal   who runs it
 * @param environment e.g. {@code development}
 * @param trigger     the trigger payload as JDK values; the pattern's credential fields become secrets
 * @param noStore     keep only an audit line, no data
 */
public record RunRequest(Pattern pattern, Principal principal, String environment, Map<String, Object> trigger,
                         boolean noStore) {

    public RunRequest {
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(environment, "environment");
        trigger = Collections.unmodifiableMap(new LinkedHashMap<>(trigger == null ? Map.of() : trigger));
    }

    /** Hides the payload: it may hold credentials not yet wrapped as secrets. */
    @Override
    public String toString() {
        return "RunRequest[pattern=" + pattern.id() + ", principal=" + principal + ", environment=" + environment
                + ", noStore=" + noStore + "]";
    }
}
