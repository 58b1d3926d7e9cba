package dev.keyway.engine.validate;

import java.util.List;
import java.util.Map;

/** A JSON value as written in a file, remembering where each part was written. */
public sealed interface SourceValue permits SourceValue.Obj, SourceValue.Arr, SourceValue.Scalar {

    Position position();

    /** A JSON object; members keep file order, and the first of duplicated keys wins. */
    record Obj(Map<String, Member> members, Position position) implements SourceValue {
    }

    /** One {@code "key": value} of an object; the position is the key's. */
    record Member(String name, Position position, SourceValue value) {
    }

    record Arr(List<SourceValue> items, Position position) implements SourceValue {
    }

    /** A string, number ({@code Integer}, {@code Long}, {@code BigInteger}, {@code Double}), boolean or null. */
    record Scalar(Object value, Position position) implements SourceValue {
    }

    /** The JSON type name, for messages. */
    static String kind(SourceValue value) {
        if (value instanceof Obj) {
            return "an object";
        }
        if (value instanceof Arr) {
            return "an array";
        }
        Object scalar = ((Scalar) value).value();
        if (scalar == null) {
            return "null";
        }
        if (scalar instanceof String) {
            return "a string";
        }
        if (scalar instanceof Boolean) {
            return "a boolean";
        }
        return "a number";
    }
}
