package dev.keyway.api;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Everything a node needs while it runs: its resolved properties and inputs, the execution,
 * a redacting logger, and a way to declare run-time secrets.
 */
public interface NodeContext {

    /** The node's id within its pattern. */
    String nodeId();

    /** The node's type id. */
    String nodeType();

    Execution execution();

    /** Properties with defaults applied. Unmodifiable. */
    Map<String, Object> properties();

    /** Inputs with wires resolved and defaults applied. Unmodifiable. */
    Map<String, Object> inputs();

    /** A property or input value by name, if set. */
    default Optional<Object> value(String name) {
        Object value = properties().containsKey(name) ? properties().get(name) : inputs().get(name);
        return Optional.ofNullable(value);
    }

    /** A string property or input; a {@link Secret} is refused here so it is never revealed by accident. */
    default Optional<String> string(String name) {
        return value(name).map(v -> {
            if (v instanceof Secret) {
                throw new NodeException("secret_not_allowed", "'%s' holds a secret where plain text is needed", name);
            }
            return String.valueOf(v);
        });
    }

    NodeLogger log();

    /**
     * Declares run-time credential material: from now on its plaintext (and its encoded forms)
     * is masked in this execution's records, logs and errors.
     */
    Secret registerSecret(Secret secret);

    /** Time left before this node's deadline; never negative. */
    Duration remaining();

    /** True once the execution was cancelled or ran out of time; long work should check it. */
    boolean isCancelled();
}
