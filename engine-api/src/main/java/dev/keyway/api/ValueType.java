package dev.keyway.api;

import java.util.List;
import java.util.Map;

/** The type of a property, input or output value. */
public enum ValueType {
    STRING("string"),
    INTEGER("integer"),
    NUMBER("number"),
    BOOLEAN("boolean"),
    OBJECT("object"),
    ARRAY("array"),
    /** A {@link Secret}; a plain string is accepted and becomes a secret. */
    SECRET("secret"),
    /** Anything, including a secret. */
    ANY("any");

    private final String id;

    ValueType(String id) {
        this.id = id;
    }

    /** The name used in specs, schemas and error messages. */
    public String id() {
        return id;
    }

    /** Whether {@code value} (never null here) is acceptable for this type. */
    public boolean accepts(Object value) {
        return switch (this) {
            case STRING -> value instanceof String || value instanceof Secret;
            case INTEGER -> value instanceof Integer || value instanceof Long
                    || value instanceof java.math.BigInteger;
            case NUMBER -> value instanceof Number;
            case BOOLEAN -> value instanceof Boolean;
            case OBJECT -> value instanceof Map;
            case ARRAY -> value instanceof List;
            case SECRET -> value instanceof Secret || value instanceof String;
            case ANY -> true;
        };
    }

    /** The type name of a runtime value, for messages. */
    public static String describe(Object value) {
        if (value == null) {
            return "null";
        }
        for (ValueType type : List.of(SECRET, STRING, BOOLEAN, INTEGER, NUMBER, OBJECT, ARRAY)) {
            if (type.accepts(value) && !(type == SECRET && value instanceof String)) {
                return type.id;
            }
        }
        return value.getClass().getSimpleName();
    }
}
