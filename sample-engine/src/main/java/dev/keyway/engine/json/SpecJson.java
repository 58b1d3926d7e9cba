package dev.keyway.engine.json;

import dev.keyway.api.FieldSpec;
import dev.keyway.api.NodeSpec;
import java.util.LinkedHashMap;
import java.util.Map;

/** Node specs as JSON-ready maps, for {@code keyway nodes --json} and {@code GET /api/node-types}. */
public final class SpecJson {

    private SpecJson() {
    }

    public static Map<String, Object> describe(NodeSpec spec) {
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("type", spec.type());
        node.put("displayName", spec.displayName());
        node.put("description", spec.description());
        node.put("properties", spec.properties().stream().map(SpecJson::describe).toList());
        node.put("inputs", spec.inputs().stream().map(SpecJson::describe).toList());
        node.put("outputs", spec.outputs().stream().map(SpecJson::describe).toList());
        return node;
    }

    public static Map<String, Object> describe(FieldSpec field) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("name", field.name());
        map.put("description", field.description());
        map.put("type", field.type().id());
        map.put("required", field.required());
        field.defaultIfAny().ifPresent(d -> map.put("default", d));
        if (!field.allowedValues().isEmpty()) {
            map.put("allowedValues", field.allowedValues());
        }
        map.put("sensitive", field.sensitive());
        field.pickerIfAny().ifPresent(p -> map.put("picker", p));
        return map;
    }
}
