package dev.keyway.engine.validate;

import dev.keyway.api.support.VisibleText;
import dev.keyway.engine.json.JsonPointers;
import dev.keyway.engine.pattern.NodeDef;
import dev.keyway.engine.pattern.Pattern;
import dev.keyway.engine.pattern.Trigger;
import dev.keyway.engine.pattern.Wire;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the structure of a pattern document (fields, their JSON types, ids, trigger) into the
 * model. Nothing here depends on which node types exist; {@link PatternValidator} does that.
 */
final class PatternReader {

    static final List<String> TOP_LEVEL = List.of("id", "name", "description", "trigger", "timeoutMs", "nodes", "outputs");
    static final List<String> NODE_FIELDS = List.of("id", "type", "properties", "inputs", "timeoutMs");
    static final List<String> TRIGGER_FIELDS = List.of("type", "path", "method", "credentials");
    static final List<String> TRIGGER_TYPES = List.of(Trigger.MANUAL, Trigger.HTTP);
    static final List<String> HTTP_METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE");
    /** As the server stores them: one file per id, so the length is bounded. */
    static final String PATTERN_ID = "[a-z0-9][a-z0-9-]{0,99}";
    static final String NODE_ID = "[A-Za-z][A-Za-z0-9_-]*";
    static final String HTTP_PATH = "(/[A-Za-z0-9._~-]+)+";

    private final ProblemList problems;
    private final ValueReader values;

    PatternReader(ProblemList problems) {
        this.problems = problems;
        this.values = new ValueReader(problems);
    }

    /** Reads what it can; empty only when the document is not an object at all. */
    Optional<ParsedPattern> read(SourceValue root) {
        if (!(root instanceof SourceValue.Obj obj)) {
            problems.add("", "A pattern must be a JSON object with \"id\", \"name\" and \"nodes\", not "
                    + SourceValue.kind(root) + ".");
            return Optional.empty();
        }
        Fields fields = new Fields(obj, "", "The pattern", problems);
        fields.rejectUnknown(TOP_LEVEL);
        String id = fields.string("id", true).orElse("");
        if (!id.isEmpty() && !id.matches(PATTERN_ID)) {
            problems.add("/id", "The pattern id '" + id + "' must use lower-case letters, digits and '-', "
                    + "starting with a letter or digit, at most 100 characters, e.g. \"github-whoami\".");
        }
        String name = fields.string("name", true).orElse("");
        String description = fields.string("description", false).orElse("");
        requireVisible("/name", "name", name, false);
        requireVisible("/description", "description", description, true);
        Trigger trigger = fields.object("trigger", false).map(this::trigger).orElse(Trigger.manual());
        var timeout = fields.millis("timeoutMs").orElse(null);
        Map<String, String> nodePointers = new LinkedHashMap<>();
        List<NodeDef> nodes = new ArrayList<>();
        fields.array("nodes", true).ifPresent(array -> readNodes(array, nodes, nodePointers));
        Map<String, Object> outputs = new LinkedHashMap<>();
        fields.object("outputs", false).ifPresent(out -> out.members().forEach((key, member) ->
                outputs.put(key, values.read(member.value(), JsonPointers.append("/outputs", key)))));
        Pattern pattern = new Pattern(id, name, description, trigger, timeout, nodes, outputs);
        return Optional.of(new ParsedPattern(pattern, nodePointers));
    }

    /** Names and descriptions are shown in lists, terminals and logs, which must show what the file says. */
    private void requireVisible(String pointer, String what, String text, boolean lineBreaks) {
        VisibleText.firstUnfit(text, lineBreaks).ifPresent(unfit -> problems.add(pointer, "The pattern " + what
                + " contains " + unfit + "; it is shown in lists and logs, so use visible characters only."));
    }

    private void readNodes(SourceValue.Arr array, List<NodeDef> nodes, Map<String, String> nodePointers) {
        if (array.items().isEmpty()) {
            problems.add("/nodes", "The pattern has no nodes; add at least one to \"nodes\".");
        }
        for (int i = 0; i < array.items().size(); i++) {
            String pointer = JsonPointers.append("/nodes", i);
            SourceValue item = array.items().get(i);
            if (!(item instanceof SourceValue.Obj obj)) {
                problems.add(pointer, "Each node must be an object with \"id\" and \"type\", not " + SourceValue.kind(item) + ".");
                continue;
            }
            node(obj, pointer, nodePointers).ifPresent(node -> {
                nodes.add(node);
                nodePointers.put(node.id(), pointer);
            });
        }
    }

    private Optional<NodeDef> node(SourceValue.Obj obj, String pointer, Map<String, String> nodePointers) {
        Fields fields = new Fields(obj, pointer, "Node " + pointer.substring("/nodes/".length()), problems);
        Optional<String> id = fields.string("id", true);
        if (id.isPresent()) {
            fields = new Fields(obj, pointer, "Node '" + id.get() + "'", problems);
        }
        fields.rejectUnknown(NODE_FIELDS);
        Optional<String> type = fields.string("type", true);
        Map<String, Object> properties = members(fields.object("properties", false), JsonPointers.append(pointer, "properties"));
        Map<String, Object> inputs = members(fields.object("inputs", false), JsonPointers.append(pointer, "inputs"));
        var timeout = fields.millis("timeoutMs").orElse(null);
        if (id.isEmpty() || !validNodeId(id.get(), pointer, nodePointers) || type.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new NodeDef(id.get(), type.get(), properties, inputs, timeout));
    }

    private boolean validNodeId(String id, String pointer, Map<String, String> nodePointers) {
        String idPointer = JsonPointers.append(pointer, "id");
        if (Wire.TRIGGER.equals(id)) {
            problems.add(idPointer, "'trigger' is reserved for wires to the trigger payload; give the node another id.");
            return false;
        }
        if (!id.matches(NODE_ID)) {
            problems.add(idPointer, "The node id '" + id + "' must start with a letter and contain only letters, "
                    + "digits, '-' and '_' (dots separate wire paths).");
            return false;
        }
        if (nodePointers.containsKey(id)) {
            problems.add(idPointer, "The node id '" + id + "' is already used by the node at " + nodePointers.get(id)
                    + "; node ids must be unique, so rename one.");
            return false;
        }
        return true;
    }

    private Map<String, Object> members(Optional<SourceValue.Obj> obj, String pointer) {
        Map<String, Object> map = new LinkedHashMap<>();
        obj.ifPresent(o -> o.members().forEach((key, member) ->
                map.put(key, values.read(member.value(), JsonPointers.append(pointer, key)))));
        return map;
    }

    private Trigger trigger(SourceValue.Obj obj) {
        Fields fields = new Fields(obj, "/trigger", "The trigger", problems);
        fields.rejectUnknown(TRIGGER_FIELDS);
        String type = fields.string("type", true).orElse(Trigger.MANUAL);
        if (!TRIGGER_TYPES.contains(type)) {
            problems.add("/trigger/type", "The trigger type '" + type + "' is not known; use one of "
                    + String.join(", ", TRIGGER_TYPES) + "." + Suggestions.didYouMean(type, TRIGGER_TYPES));
        }
        Optional<String> path = fields.string("path", false);
        Optional<String> method = fields.string("method", false);
        if (Trigger.HTTP.equals(type)) {
            if (path.isEmpty() && fields.get("path").isEmpty()) {
                problems.add("/trigger", "An http trigger needs \"path\", e.g. \"/github/whoami\"; add it.");
            }
            path.filter(p -> !p.matches(HTTP_PATH)).ifPresent(p -> problems.add("/trigger/path", "The trigger path '"
                    + p + "' must look like \"/segment/segment\" (letters, digits, '.', '_', '~', '-')."));
            method.filter(m -> !HTTP_METHODS.contains(m)).ifPresent(m -> problems.add("/trigger/method",
                    "The trigger method must be one of " + String.join(", ", HTTP_METHODS) + "."));
        } else {
            for (String httpOnly : List.of("path", "method")) {
                if (fields.get(httpOnly).isPresent()) {
                    problems.add(fields.pointer(httpOnly), "\"" + httpOnly + "\" only applies to http triggers; "
                            + "remove it or set \"type\": \"http\".");
                }
            }
        }
        List<String> credentials = fields.array("credentials", false).map(this::credentials).orElse(List.of());
        String effectiveMethod = Trigger.HTTP.equals(type) ? method.orElse("POST") : null;
        return new Trigger(type, path.orElse(null), effectiveMethod, credentials);
    }

    private List<String> credentials(SourceValue.Arr array) {
        List<String> names = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < array.items().size(); i++) {
            SourceValue item = array.items().get(i);
            String pointer = JsonPointers.append("/trigger/credentials", i);
            if (item instanceof SourceValue.Scalar s && s.value() instanceof String name && !name.isEmpty()) {
                if (seen.add(name)) {
                    names.add(name);
                } else {
                    problems.add(pointer, "The credential field '" + name + "' is listed twice; list it once.");
                }
            } else {
                problems.add(pointer, "Each trigger credential must be the name of a payload field (a non-empty string).");
            }
        }
        return names;
    }
}
