package dev.keyway.engine.pattern;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A parsed pattern: a DAG of nodes wired together. Values may hold {@link Wire}s; see PATTERNS.md.
 *
 * @param id          stable identifier, {@code [a-z0-9][a-z0-9-]*}
 * @param name        a name for people
 * @param description optional text, empty when absent
 * @param trigger     how the pattern is started
 * @param timeout     the whole execution's time limit, or null for the engine default
 * @param nodes       the nodes in file order
 * @param outputs     the pattern's results by name: literals and wires
 */
public record Pattern(
        String id,
        String name,
        String description,
        Trigger trigger,
        Duration timeout,
        List<NodeDef> nodes,
        Map<String, Object> outputs) {

    public Pattern {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        description = description == null ? "" : description;
        trigger = trigger == null ? Trigger.manual() : trigger;
        nodes = List.copyOf(nodes);
        // LinkedHashMap: outputs keep file order and may hold null literals.
        outputs = Collections.unmodifiableMap(new LinkedHashMap<>(outputs == null ? Map.of() : outputs));
    }

    public Optional<NodeDef> node(String nodeId) {
        return nodes.stream().filter(n -> n.id().equals(nodeId)).findFirst();
    }

    /** The timeout, or {@code fallback} when the pattern sets none. */
    public Duration timeoutOr(Duration fallback) {
        return timeout == null ? fallback : timeout;
    }
}
