package dev.keyway.engine.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keyway.api.FieldSpec;
import dev.keyway.api.NodeSpec;
import dev.keyway.api.ValueType;
import dev.keyway.engine.NodeCatalog;
import dev.keyway.engine.json.EngineJson;
import java.util.List;

/**
 * Generates a JSON Schema (draft 2020-12) for pattern files from the catalog's node specs, for
 * editors and CI. It describes the same format the engine validates, minus what a schema cannot
 * say (wire targets, cycles, custom validators): {@code keyway validate} stays the authority.
 */
public final class PatternSchema {

    public static final String DRAFT = "https://json-schema.org/draft/2020-12/schema";
    public static final String ID = "https://keyway.dev/schemas/pattern.schema.json";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final String PATTERN_ID = "^[a-z0-9][a-z0-9-]{0,99}$";
    private static final String NODE_ID = "^[A-Za-z][A-Za-z0-9_-]*$";
    private static final String WIRE_PATH = "^[A-Za-z][A-Za-z0-9_-]*(\\.[^.]+)*$";
    private static final String HTTP_PATH = "^(/[A-Za-z0-9._~-]+)+$";

    private final NodeCatalog catalog;

    public PatternSchema(NodeCatalog catalog) {
        this.catalog = catalog;
    }

    public ObjectNode generate() {
        List<NodeSpec> specs = catalog.specs();
        ObjectNode root = JSON.objectNode();
        root.put("$schema", DRAFT);
        root.put("$id", ID);
        root.put("title", "Keyway pattern");
        root.put("description", "A pattern: nodes wired together into a directed acyclic graph.");
        root.put("type", "object");
        root.set("required", strings("id", "name", "nodes"));
        root.put("additionalProperties", false);
        ObjectNode properties = root.putObject("properties");
        properties.set("id", described(string().put("pattern", PATTERN_ID), "Stable identifier, e.g. github-whoami."));
        properties.set("name", described(string(), "A name for people."));
        properties.set("description", described(string(), "What the pattern does."));
        properties.set("trigger", ref("trigger"));
        properties.set("timeoutMs", described(ref("timeoutMs"), "Time limit of the whole execution (default 120000)."));
        ObjectNode nodes = properties.putObject("nodes");
        nodes.put("type", "array").put("minItems", 1).set("items", ref("node"));
        ObjectNode outputs = described(JSON.objectNode().put("type", "object"), "The pattern's results: wires or literals.");
        outputs.set("additionalProperties", ref("value"));
        properties.set("outputs", outputs);

        ObjectNode defs = root.putObject("$defs");
        defs.set("timeoutMs", JSON.objectNode().put("type", "integer").put("minimum", 1).put("maximum", 86_400_000));
        defs.set("wire", wire());
        defs.set("literal", literal());
        defs.set("value", described(JSON.objectNode(), "Any JSON value; wires may appear at any depth."));
        defs.set("trigger", trigger());
        defs.set("node", node(specs));
        for (NodeSpec spec : specs) {
            defs.set(defName(spec), nodeType(spec));
        }
        return root;
    }

    private static ObjectNode wire() {
        ObjectNode wire = described(JSON.objectNode().put("type", "object"),
                "A wire: the value at node.output.path (or trigger.field.path) at run time.");
        wire.set("required", strings("from"));
        wire.put("additionalProperties", false);
        ObjectNode properties = wire.putObject("properties");
        properties.set("from", string().put("pattern", WIRE_PATH));
        properties.set("default", described(JSON.objectNode(), "Used when the path resolves to nothing."));
        return wire;
    }

    private static ObjectNode literal() {
        ObjectNode literal = described(JSON.objectNode().put("type", "object"),
                "A literal value written as {\"literal\": ...}, for objects that would otherwise look like a wire.");
        literal.set("required", strings("literal"));
        literal.put("additionalProperties", false);
        literal.putObject("properties").putObject("literal");
        return literal;
    }

    private static ObjectNode trigger() {
        ObjectNode trigger = JSON.objectNode().put("type", "object");
        trigger.set("required", strings("type"));
        trigger.put("additionalProperties", false);
        ObjectNode properties = trigger.putObject("properties");
        properties.set("type", JSON.objectNode().set("enum", strings("manual", "http")));
        properties.set("path", string().put("pattern", HTTP_PATH));
        properties.set("method", JSON.objectNode().set("enum", strings("GET", "POST", "PUT", "PATCH", "DELETE")));
        ObjectNode credentials = described(JSON.objectNode().put("type", "array"),
                "Payload fields that hold credentials; they become secrets as soon as the payload is read.");
        credentials.put("uniqueItems", true).set("items", string().put("minLength", 1));
        properties.set("credentials", credentials);
        ObjectNode isHttp = JSON.objectNode();
        isHttp.putObject("properties").set("type", JSON.objectNode().put("const", "http"));
        trigger.set("if", isHttp);
        trigger.set("then", JSON.objectNode().set("required", strings("path")));
        return trigger;
    }

    private static ObjectNode node(List<NodeSpec> specs) {
        ObjectNode node = JSON.objectNode().put("type", "object");
        node.set("required", strings("id", "type"));
        node.put("additionalProperties", false);
        ObjectNode properties = node.putObject("properties");
        ObjectNode id = string().put("pattern", NODE_ID);
        id.set("not", JSON.objectNode().put("const", "trigger"));
        properties.set("id", id);
        ObjectNode type = string();
        if (!specs.isEmpty()) {
            type.set("enum", strings(specs.stream().map(NodeSpec::type).toArray(String[]::new)));
        }
        properties.set("type", type);
        properties.set("properties", JSON.objectNode().put("type", "object"));
        properties.set("inputs", JSON.objectNode().put("type", "object"));
        properties.set("timeoutMs", described(ref("timeoutMs"), "This node's time limit (default 30000)."));
        ArrayNode byType = node.putArray("allOf");
        for (NodeSpec spec : specs) {
            ObjectNode condition = JSON.objectNode();
            condition.set("required", strings("type"));
            condition.putObject("properties").set("type", JSON.objectNode().put("const", spec.type()));
            byType.addObject().<ObjectNode>set("if", condition).set("then", ref(defName(spec)));
        }
        return node;
    }

    private static ObjectNode nodeType(NodeSpec spec) {
        ObjectNode schema = described(JSON.objectNode(), spec.displayName()
                + (spec.description().isEmpty() ? "" : ": " + spec.description()));
        ObjectNode properties = schema.putObject("properties");
        properties.set("properties", fields(spec.properties(), false));
        properties.set("inputs", fields(spec.inputs(), true));
        ArrayNode sections = JSON.arrayNode();
        if (spec.properties().stream().anyMatch(FieldSpec::required)) {
            sections.add("properties");
        }
        if (spec.inputs().stream().anyMatch(FieldSpec::required)) {
            sections.add("inputs");
        }
        if (!sections.isEmpty()) {
            schema.set("required", sections);
        }
        return schema;
    }

    private static ObjectNode fields(List<FieldSpec> fields, boolean wirable) {
        ObjectNode schema = JSON.objectNode().put("type", "object").put("additionalProperties", false);
        ObjectNode properties = schema.putObject("properties");
        ArrayNode required = JSON.arrayNode();
        for (FieldSpec field : fields) {
            properties.set(field.name(), field(field, wirable));
            if (field.required()) {
                required.add(field.name());
            }
        }
        if (!required.isEmpty()) {
            schema.set("required", required);
        }
        return schema;
    }

    private static ObjectNode field(FieldSpec field, boolean wirable) {
        ObjectNode value = typed(field.type());
        if (!field.allowedValues().isEmpty() && (field.type() == ValueType.STRING || field.type() == ValueType.SECRET)) {
            value.set("enum", strings(field.allowedValues().toArray(String[]::new)));
        }
        if (field.defaultValue() != null && !field.sensitive()) {
            value.set("default", EngineJson.mapper().valueToTree(field.defaultValue()));
        }
        if (field.sensitive()) {
            value.put("writeOnly", true);
        }
        ObjectNode schema = JSON.objectNode();
        if (!field.description().isEmpty()) {
            schema.put("description", field.description());
        }
        ArrayNode anyOf = schema.putArray("anyOf");
        anyOf.add(value);
        if (wirable) {
            anyOf.add(ref("wire"));
        }
        anyOf.add(ref("literal"));
        return schema;
    }

    private static ObjectNode typed(ValueType type) {
        return switch (type) {
            case STRING, SECRET -> string();
            case INTEGER, NUMBER, BOOLEAN, OBJECT, ARRAY -> JSON.objectNode().put("type", type.id());
            case ANY -> JSON.objectNode();
        };
    }

    private static String defName(NodeSpec spec) {
        return "node-" + spec.type();
    }

    private static ObjectNode string() {
        return JSON.objectNode().put("type", "string");
    }

    private static ObjectNode ref(String def) {
        return JSON.objectNode().put("$ref", "#/$defs/" + def);
    }

    private static ObjectNode described(ObjectNode schema, String description) {
        return schema.put("description", description);
    }

    private static JsonNode strings(String... values) {
        ArrayNode array = JSON.arrayNode();
        for (String value : values) {
            array.add(value);
        }
        return array;
    }
}
