package dev.keyway.engine.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Just enough of JSON Schema 2020-12 to spot-check the generated schema in tests: $ref (local),
 * type, enum, const, required, properties, additionalProperties, items, minItems, anyOf, allOf,
 * if/then, not, pattern, minimum, maximum. Not a real validator.
 */
final class MiniSchemaValidator {

    private final JsonNode root;

    MiniSchemaValidator(JsonNode root) {
        this.root = root;
    }

    List<String> validate(JsonNode instance) {
        List<String> errors = new ArrayList<>();
        check(root, instance, "", errors);
        return errors;
    }

    private void check(JsonNode schema, JsonNode value, String at, List<String> errors) {
        if (schema.has("$ref")) {
            check(root.at(schema.get("$ref").asText().substring(1)), value, at, errors);
        }
        if (schema.has("type") && !typeMatches(schema.get("type").asText(), value)) {
            errors.add(at + ": expected " + schema.get("type").asText());
            return;
        }
        if (schema.has("enum") && !contains(schema.get("enum"), value)) {
            errors.add(at + ": not in enum");
        }
        if (schema.has("const") && !schema.get("const").equals(value)) {
            errors.add(at + ": not the const");
        }
        if (schema.has("pattern") && value.isTextual() && !value.asText().matches(".*" + schema.get("pattern").asText().replaceAll("^\\^|\\$$", "") + ".*")) {
            errors.add(at + ": pattern");
        }
        if (schema.has("minimum") && value.isNumber() && value.asDouble() < schema.get("minimum").asDouble()) {
            errors.add(at + ": below minimum");
        }
        if (schema.has("maximum") && value.isNumber() && value.asDouble() > schema.get("maximum").asDouble()) {
            errors.add(at + ": above maximum");
        }
        if (schema.has("minItems") && value.isArray() && value.size() < schema.get("minItems").asInt()) {
            errors.add(at + ": too few items");
        }
        if (value.isObject()) {
            object(schema, value, at, errors);
        }
        if (schema.has("items") && value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                check(schema.get("items"), value.get(i), at + "/" + i, errors);
            }
        }
        if (schema.has("allOf")) {
            schema.get("allOf").forEach(sub -> check(sub, value, at, errors));
        }
        if (schema.has("anyOf")) {
            boolean any = false;
            for (JsonNode sub : schema.get("anyOf")) {
                any |= new MiniSchemaValidator(root).passes(sub, value);
            }
            if (!any) {
                errors.add(at + ": matches no anyOf branch");
            }
        }
        if (schema.has("not") && passes(schema.get("not"), value)) {
            errors.add(at + ": matches not");
        }
        if (schema.has("if") && passes(schema.get("if"), value) && schema.has("then")) {
            check(schema.get("then"), value, at, errors);
        }
    }

    private void object(JsonNode schema, JsonNode value, String at, List<String> errors) {
        if (schema.has("required")) {
            schema.get("required").forEach(name -> {
                if (!value.has(name.asText())) {
                    errors.add(at + ": missing " + name.asText());
                }
            });
        }
        JsonNode properties = schema.path("properties");
        for (Map.Entry<String, JsonNode> field : value.properties()) {
            String where = at + "/" + field.getKey();
            if (properties.has(field.getKey())) {
                check(properties.get(field.getKey()), field.getValue(), where, errors);
            } else if (schema.has("additionalProperties")) {
                JsonNode extra = schema.get("additionalProperties");
                if (extra.isBoolean() && !extra.asBoolean()) {
                    errors.add(where + ": not allowed");
                } else if (extra.isObject()) {
                    check(extra, field.getValue(), where, errors);
                }
            }
        }
    }

    private boolean passes(JsonNode schema, JsonNode value) {
        List<String> errors = new ArrayList<>();
        check(schema, value, "", errors);
        return errors.isEmpty();
    }

    private static boolean contains(JsonNode array, JsonNode value) {
        for (JsonNode item : array) {
            if (item.equals(value)) {
                return true;
            }
        }
        return false;
    }

    private static boolean typeMatches(String type, JsonNode value) {
        return switch (type) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            default -> true;
        };
    }
}
