package dev.keyway.engine.validate;

import dev.keyway.engine.json.JsonPointers;
import dev.keyway.engine.pattern.Wire;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns source values into JDK values, recognising wires ({@code {"from": ..., "default": ...}})
 * and the literal escape ({@code {"literal": ...}}).
 */
final class ValueReader {

    private static final Set<String> WIRE_KEYS = Set.of("from", "default");

    private final ProblemList problems;

    ValueReader(ProblemList problems) {
        this.problems = problems;
    }

    /** A value where wires may appear at any depth. */
    Object read(SourceValue value, String pointer) {
        if (value instanceof SourceValue.Obj obj) {
            Map<String, SourceValue.Member> members = obj.members();
            if (members.containsKey("from") && WIRE_KEYS.containsAll(members.keySet())) {
                return wire(obj, pointer);
            }
            if (members.size() == 1 && members.containsKey("literal")) {
                return literal(members.get("literal").value());
            }
            Map<String, Object> map = new LinkedHashMap<>();
            members.forEach((key, member) -> map.put(key, read(member.value(), JsonPointers.append(pointer, key))));
            return Collections.unmodifiableMap(map);
        }
        if (value instanceof SourceValue.Arr arr) {
            List<Object> list = new ArrayList<>();
            for (SourceValue item : arr.items()) {
                list.add(read(item, JsonPointers.append(pointer, list.size())));
            }
            return Collections.unmodifiableList(list);
        }
        return ((SourceValue.Scalar) value).value();
    }

    /** A plain JSON value: no wires, no escapes. */
    static Object literal(SourceValue value) {
        if (value instanceof SourceValue.Obj obj) {
            Map<String, Object> map = new LinkedHashMap<>();
            obj.members().forEach((key, member) -> map.put(key, literal(member.value())));
            return Collections.unmodifiableMap(map);
        }
        if (value instanceof SourceValue.Arr arr) {
            List<Object> list = new ArrayList<>();
            arr.items().forEach(item -> list.add(literal(item)));
            return Collections.unmodifiableList(list);
        }
        return ((SourceValue.Scalar) value).value();
    }

    private Object wire(SourceValue.Obj obj, String pointer) {
        SourceValue from = obj.members().get("from").value();
        String fromPointer = JsonPointers.append(pointer, "from");
        if (!(from instanceof SourceValue.Scalar scalar) || !(scalar.value() instanceof String path)) {
            problems.add(fromPointer, "A wire's \"from\" must be a string like \"node.output\" or \"trigger.field\", not "
                    + SourceValue.kind(from) + ". To write a literal object with a \"from\" key, wrap it as {\"literal\": ...}.");
            return null;
        }
        if (path.isEmpty() || path.startsWith(".") || path.endsWith(".") || path.contains("..")) {
            problems.add(fromPointer, "The wire path '" + path + "' is malformed; write dot-separated names "
                    + "like \"node.output.field\" with no empty segment.");
            return null;
        }
        SourceValue.Member fallback = obj.members().get("default");
        return fallback == null ? Wire.to(path) : new Wire(path, literal(fallback.value()), true);
    }
}
