package dev.keyway.engine.exec;

import dev.keyway.api.FieldSpec;
import dev.keyway.api.NodeException;
import dev.keyway.api.NodeSpec;
import dev.keyway.api.Secret;
import dev.keyway.api.ValueType;
import dev.keyway.engine.pattern.NodeDef;
import dev.keyway.engine.pattern.Wire;
import dev.keyway.engine.pattern.Wires;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Prepares what a node sees: wires resolved, defaults applied, secret-typed strings wrapped,
 * sensitive values registered for masking, and every value that came through a wire checked
 * against its spec. Literal values were checked when the pattern was validated, and defaults when
 * the node type declared them, so they are not checked again on every execution.
 *
 * @param properties properties with defaults applied
 * @param inputs     inputs with wires resolved and defaults applied
 */
record NodeInputs(Map<String, Object> properties, Map<String, Object> inputs) {

    static NodeInputs prepare(NodeDef node, NodeSpec spec, WireResolver resolver, ExecutionSecrets secrets) {
        Map<String, Object> properties = new LinkedHashMap<>();
        for (FieldSpec field : spec.properties()) {
            Object value = node.properties().get(field.name());
            put(properties, node, field, "Property", value, value, false, secrets);
        }
        Map<String, Object> inputs = new LinkedHashMap<>();
        for (FieldSpec field : spec.inputs()) {
            Object written = node.inputs().get(field.name());
            put(inputs, node, field, "Input", written, resolver.resolve(written), Wires.contains(written), secrets);
        }
        // unmodifiableMap, not Map.copyOf: values may legitimately be null inside nested structures.
        return new NodeInputs(Collections.unmodifiableMap(properties), Collections.unmodifiableMap(inputs));
    }

    private static void put(Map<String, Object> target, NodeDef node, FieldSpec field, String kind, Object written,
                            Object resolved, boolean wired, ExecutionSecrets secrets) {
        Object value = resolved == null ? field.defaultValue() : resolved;
        if (value == null) {
            if (field.required()) {
                throw missing(node, field, kind, written);
            }
            return;
        }
        value = normalise(field, value, secrets);
        List<String> problems = wired && resolved != null ? field.check(value) : List.of();
        if (!problems.isEmpty()) {
            throw new NodeException("invalid_" + kind.toLowerCase(java.util.Locale.ROOT), "%s '%s' of node '%s' %s.",
                    kind, field.name(), node.id(), String.join("; ", problems));
        }
        target.put(field.name(), value);
    }

    private static Object normalise(FieldSpec field, Object value, ExecutionSecrets secrets) {
        if (field.type() == ValueType.SECRET && value instanceof String text && !text.isEmpty()) {
            return secrets.register(Secret.of(text));
        }
        if (field.sensitive() && value instanceof String text) {
            secrets.registerPlaintext(text);
        }
        secrets.collect(value);
        return value;
    }

    private static NodeException missing(NodeDef node, FieldSpec field, String kind, Object written) {
        String code = "missing_" + kind.toLowerCase(java.util.Locale.ROOT);
        if (written instanceof Wire wire) {
            return new NodeException(code, "%s '%s' of node '%s' is required, but the wire '%s' resolved to nothing. "
                    + "Give the wire a \"default\", or check that '%s' produces that value.",
                    kind, field.name(), node.id(), wire.from(), wire.source());
        }
        return new NodeException(code, "%s '%s' of node '%s' is required but not set; add it to the pattern.",
                kind, field.name(), node.id());
    }
}
