package dev.keyway.engine.validate;

import dev.keyway.api.FieldSpec;
import dev.keyway.api.NodeSpec;
import dev.keyway.api.NodeType;
import dev.keyway.api.ValueType;
import dev.keyway.engine.NodeCatalog;
import dev.keyway.engine.json.JsonPointers;
import dev.keyway.engine.pattern.DependencyGraph;
import dev.keyway.engine.pattern.NodeDef;
import dev.keyway.engine.pattern.Pattern;
import dev.keyway.engine.pattern.Wire;
import dev.keyway.engine.pattern.Wires;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Checks a structurally read pattern against the node types of a catalog. */
final class PatternValidator {

    private final NodeCatalog catalog;
    private final ProblemList problems;
    private Pattern pattern;

    PatternValidator(NodeCatalog catalog, ProblemList problems) {
        this.catalog = catalog;
        this.problems = problems;
    }

    void validate(ParsedPattern parsed) {
        Pattern pattern = parsed.pattern();
        this.pattern = pattern;
        for (NodeDef node : pattern.nodes()) {
            String pointer = parsed.nodePointers().get(node.id());
            Optional<NodeSpec> spec = spec(node.type());
            if (spec.isEmpty()) {
                List<String> types = catalog.specs().stream().map(NodeSpec::type).toList();
                problems.add(JsonPointers.append(pointer, "type"), "Node '" + node.id() + "' uses the unknown node type '"
                        + node.type() + "'." + Suggestions.didYouMean(node.type(), types)
                        + " Run 'keyway nodes' to list the known types.");
            } else {
                new FieldChecks(node, spec.get(), pointer).run();
            }
            Wires.forEach(node.properties(), JsonPointers.append(pointer, "properties"), (wire, at) ->
                    problems.add(at, "Node '" + node.id() + "' wires a property; properties are fixed when the pattern "
                            + "is written. Write a literal value, or wire an input instead."));
            checkWires(node.inputs(), JsonPointers.append(pointer, "inputs"), node.id(), parsed);
        }
        checkWires(pattern.outputs(), "/outputs", null, parsed);
        for (List<String> cycle : DependencyGraph.of(pattern).cycles()) {
            String path = cycle.stream().map(id -> "'" + id + "'").collect(Collectors.joining(" -> "))
                    + " -> '" + cycle.get(0) + "'";
            problems.add(parsed.nodePointers().get(cycle.get(0)), "The nodes " + path + " form a cycle: each reads "
                    + "from the next, so none can start. Remove one of these wires; a pattern must be acyclic.");
        }
    }

    private Optional<NodeSpec> spec(String type) {
        return catalog.find(type).map(NodeType::spec);
    }

    private void checkWires(Map<String, Object> values, String pointer, String selfId, ParsedPattern parsed) {
        Wires.forEach(values, pointer, (wire, at) -> checkWire(wire, at, selfId, parsed));
    }

    private void checkWire(Wire wire, String at, String selfId, ParsedPattern parsed) {
        String source = wire.source();
        if (wire.fromTrigger()) {
            return;
        }
        if (source.equals(selfId)) {
            problems.add(at, "Node '" + selfId + "' wires to its own output '" + wire.from() + "'; a node cannot read "
                    + "what it has not produced yet. Wire from another node.");
            return;
        }
        Optional<NodeDef> node = parsed.pattern().node(source);
        if (node.isEmpty()) {
            problems.add(at, "The wire '" + wire.from() + "' reads from node '" + source + "', which is not in this "
                    + "pattern." + Suggestions.didYouMean(source, parsed.nodePointers().keySet())
                    + " Wire from a node id, or from 'trigger' for the trigger payload.");
            return;
        }
        spec(node.get().type()).ifPresent(spec -> {
            List<String> outputs = spec.outputs().stream().map(FieldSpec::name).toList();
            String declared = outputs.isEmpty() ? " It declares no outputs."
                    : " Its outputs are: " + String.join(", ", outputs) + ".";
            if (wire.path().isEmpty()) {
                problems.add(at, "The wire '" + wire.from() + "' must name an output, like '" + source + ".<output>'."
                        + declared);
            } else if (spec.output(wire.path().get(0)).isEmpty()) {
                String output = wire.path().get(0);
                problems.add(at, "Node '" + source + "' (type '" + spec.type() + "') has no output '" + output + "'."
                        + Suggestions.didYouMean(output, outputs) + declared);
            }
        });
    }

    /** Property and input checks of one node whose type is known. */
    private final class FieldChecks {
        private final NodeDef node;
        private final NodeSpec spec;
        private final String pointer;

        FieldChecks(NodeDef node, NodeSpec spec, String pointer) {
            this.node = node;
            this.spec = spec;
            this.pointer = pointer;
        }

        void run() {
            String propertiesPointer = JsonPointers.append(pointer, "properties");
            String inputsPointer = JsonPointers.append(pointer, "inputs");
            node.properties().forEach((name, value) -> {
                String at = JsonPointers.append(propertiesPointer, name);
                Optional<FieldSpec> field = spec.property(name);
                if (field.isEmpty()) {
                    unknown("property", name, at, spec.properties(), spec.input(name).isPresent(), "inputs");
                } else if (!Wires.contains(value)) {
                    literal("Property", field.get(), value, at);
                }
            });
            node.inputs().forEach((name, value) -> {
                String at = JsonPointers.append(inputsPointer, name);
                Optional<FieldSpec> field = spec.input(name);
                if (field.isEmpty()) {
                    unknown("input", name, at, spec.inputs(), spec.property(name).isPresent(), "properties");
                } else if (value instanceof Wire wire) {
                    wireType(field.get(), wire, at);
                } else if (Wires.contains(value)) {
                    if (!field.get().type().accepts(value)) {
                        problems.add(at, "Input '" + name + "' of node '" + node.id() + "' must be of type "
                                + field.get().type().id() + " but is " + ValueType.describe(value) + ".");
                    }
                } else {
                    literal("Input", field.get(), value, at);
                }
            });
            missing("property", "properties", spec.properties(), node.properties(), propertiesPointer);
            missing("input", "inputs", spec.inputs(), node.inputs(), inputsPointer);
        }

        private void unknown(String kind, String name, String at, List<FieldSpec> declared, boolean otherKind,
                             String otherSection) {
            if (otherKind) {
                problems.add(at, "Node type '" + spec.type() + "' declares '" + name + "' under \"" + otherSection
                        + "\", not here; move it there.");
                return;
            }
            List<String> names = declared.stream().map(FieldSpec::name).toList();
            problems.add(at, "Node '" + node.id() + "' (type '" + spec.type() + "') has no " + kind + " '" + name + "'."
                    + Suggestions.didYouMean(name, names)
                    + (names.isEmpty() ? " It takes no " + plural(kind) + "." : " Known " + plural(kind) + ": " + String.join(", ", names) + "."));
        }

        private void literal(String kind, FieldSpec field, Object value, String at) {
            if (value == null) {
                if (field.required()) {
                    problems.add(at, kind + " '" + field.name() + "' of node '" + node.id() + "' is required and cannot be null.");
                }
                return;
            }
            List<String> found;
            try {
                found = field.check(value);
            } catch (RuntimeException e) {
                // A plugin's validator must not turn a validation report into a crash.
                found = List.of("could not be checked: the node type's validator failed with "
                        + e.getClass().getSimpleName() + "; report this to the plugin's authors");
            }
            for (String problem : found) {
                problems.add(at, kind + " '" + field.name() + "' of node '" + node.id() + "' " + sentence(problem));
            }
        }

        private void wireType(FieldSpec field, Wire wire, String at) {
            if (wire.fromTrigger() || wire.path().size() != 1) {
                return; // deeper paths and trigger fields are dynamic
            }
            pattern.node(wire.source()).flatMap(source -> spec(source.type()))
                    .flatMap(source -> source.output(wire.path().get(0)))
                    .filter(output -> !compatible(output.type(), field.type()))
                    .ifPresent(output -> problems.add(at, "Input '" + field.name() + "' of node '" + node.id()
                            + "' expects " + field.type().id() + ", but the wire '" + wire.from() + "' delivers "
                            + output.type().id() + "."));
        }

        private void missing(String kind, String section, List<FieldSpec> declared, Map<String, Object> given, String at) {
            for (FieldSpec field : declared) {
                if (field.required() && !given.containsKey(field.name())) {
                    problems.add(at, "Node '" + node.id() + "' (type '" + spec.type() + "') needs " + kind + " '"
                            + field.name() + "'" + (field.description().isEmpty() ? "" : " (" + sentence(field.description())
                            .replaceAll("\\.$", "") + ")") + "; add it under \"" + section + "\".");
                }
            }
        }
    }

    /** Whether a value of the delivered type is always acceptable where {@code expected} is declared. */
    static boolean compatible(ValueType delivered, ValueType expected) {
        Set<ValueType> text = EnumSet.of(ValueType.STRING, ValueType.SECRET);
        return delivered == expected || delivered == ValueType.ANY || expected == ValueType.ANY
                || (expected == ValueType.NUMBER && delivered == ValueType.INTEGER)
                || (text.contains(expected) && text.contains(delivered));
    }

    private static String sentence(String text) {
        String trimmed = text.strip();
        return trimmed.endsWith(".") ? trimmed : trimmed + ".";
    }

    private static String plural(String kind) {
        return kind.endsWith("y") ? kind.substring(0, kind.length() - 1) + "ies" : kind + "s";
    }
}
