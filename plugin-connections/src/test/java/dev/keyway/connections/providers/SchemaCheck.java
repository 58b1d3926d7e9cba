package dev.keyway.connections.providers;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A small structural JSON Schema check covering only the keywords providers.schema.json uses
 * (type, required, properties, additionalProperties: false, items, $ref to #/$defs, enum,
 * pattern, minLength, minItems, uniqueItems, minimum, maximum). Unknown keywords fail loudly so
 * the schema cannot silently outgrow this check.
 */
final class SchemaCheck {

    private static final Set<String> KNOWN = Set.of("$schema", "$id", "title", "description", "$defs", "type",
            "required", "properties", "additionalProperties", "items", "$ref", "enum", "pattern", "minLength",
            "minItems", "uniqueItems", "minimum", "maximum");

    private final JsonNode root;

    SchemaCheck(JsonNode root) {
        this.root = root;
    }

    List<String> check(JsonNode document) {
        List<String> problems = new ArrayList<>();
        check(root, document, "", problems);
        return problems;
    }

    private void check(JsonNode schema, JsonNode value, String at, List<String> problems) {
        for (Iterator<String> keys = schema.fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            if (!KNOWN.contains(key)) {
                throw new IllegalStateException("SchemaCheck does not support keyword " + key);
            }
        }
        if (schema.has("$ref")) {
            String ref = schema.get("$ref").asText();
            check(root.at(ref.substring(1)), value, at, problems);
            return;
        }
        if (schema.has("type") && !hasType(value, schema.get("type").asText())) {
            problems.add(at + ": must be of type " + schema.get("type").asText());
            return;
        }
        if (schema.has("enum") && !contains(schema.get("enum"), value)) {
            problems.add(at + ": must be one of " + schema.get("enum"));
        }
        if (value.isTextual()) {
            if (schema.has("pattern") && !Pattern.compile(schema.get("pattern").asText()).matcher(value.asText()).find()) {
                problems.add(at + ": must match " + schema.get("pattern").asText());
            }
            if (value.asText().length() < schema.path("minLength").asInt(0)) {
                problems.add(at + ": is too short");
            }
        }
        if (value.isNumber()) {
            if (schema.has("minimum") && value.asDouble() < schema.get("minimum").asDouble()
                    || schema.has("maximum") && value.asDouble() > schema.get("maximum").asDouble()) {
                problems.add(at + ": is out of range");
            }
        }
        if (value.isArray()) {
            checkArray(schema, value, at, problems);
        }
        if (value.isObject()) {
            checkObject(schema, value, at, problems);
        }
    }

    private void checkArray(JsonNode schema, JsonNode value, String at, List<String> problems) {
        if (value.size() < schema.path("minItems").asInt(0)) {
            problems.add(at + ": needs at least " + schema.get("minItems").asInt() + " item(s)");
        }
        Set<JsonNode> seen = new HashSet<>();
        for (int i = 0; i < value.size(); i++) {
            if (schema.path("uniqueItems").asBoolean() && !seen.add(value.get(i))) {
                problems.add(at + "/" + i + ": repeats an earlier item");
            }
            if (schema.has("items")) {
                check(schema.get("items"), value.get(i), at + "/" + i, problems);
            }
        }
    }

    private void checkObject(JsonNode schema, JsonNode value, String at, List<String> problems) {
        for (JsonNode required : schema.path("required")) {
            if (!value.has(required.asText())) {
                problems.add(at + "/" + required.asText() + ": is required");
            }
        }
        JsonNode properties = schema.path("properties");
        for (Map.Entry<String, JsonNode> field : value.properties()) {
            if (properties.has(field.getKey())) {
                check(properties.get(field.getKey()), field.getValue(), at + "/" + field.getKey(), problems);
            } else if (schema.has("additionalProperties") && !schema.get("additionalProperties").asBoolean()) {
                problems.add(at + "/" + field.getKey() + ": is not allowed here");
            }
        }
    }

    private static boolean hasType(JsonNode value, String type) {
        return switch (type) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isTextual();
            case "boolean" -> value.isBoolean();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            default -> throw new IllegalStateException("unsupported type " + type);
        };
    }

    private static boolean contains(JsonNode options, JsonNode value) {
        for (JsonNode option : options) {
            if (option.equals(value)) {
                return true;
            }
        }
        return false;
    }
}
