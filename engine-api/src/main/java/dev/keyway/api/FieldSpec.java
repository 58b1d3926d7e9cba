package dev.keyway.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Declares one property, input or output of a node type, as immutable data.
 *
 * <p>Properties are set when a pattern is written; inputs are wired at run time (or given as
 * literals); outputs are what the node produces. The host validates patterns against these
 * declarations and reports every problem at once.
 *
 * @param name          identifier used in pattern files, e.g. {@code url}
 * @param description   one sentence for people, shown in {@code keyway nodes} and schemas
 * @param type          the value type
 * @param required      whether a pattern must set it
 * @param defaultValue  the value used when it is not set, or null
 * @param allowedValues the only values allowed (strings), or empty for any
 * @param sensitive     whether the value is credential material and must be masked when shown
 * @param picker        id of the {@link OptionsProvider} that lists values for it, or null
 * @param validators    extra checks on a value
 */
public record FieldSpec(
        String name,
        String description,
        ValueType type,
        boolean required,
        Object defaultValue,
        List<String> allowedValues,
        boolean sensitive,
        String picker,
        List<FieldValidator> validators) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");

    public FieldSpec {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("field name '" + name
                    + "' must start with a letter and contain only letters, digits, '-' and '_'");
        }
        description = description == null ? "" : description;
        Objects.requireNonNull(type, "type of " + name);
        allowedValues = List.copyOf(allowedValues == null ? List.of() : allowedValues);
        validators = List.copyOf(validators == null ? List.of() : validators);
        if (required && defaultValue != null) {
            throw new IllegalArgumentException("field '" + name + "' cannot be both required and defaulted");
        }
        if (defaultValue != null && !type.accepts(defaultValue)) {
            throw new IllegalArgumentException("default of field '" + name + "' is not of type " + type.id());
        }
        // A default its own field refuses is a bug of the node type; refusing it here lets engines use
        // defaults without checking them on every execution.
        List<String> problems = defaultValue == null ? List.of()
                : problems(type, allowedValues, validators, sensitive, defaultValue);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("default of field '" + name + "' " + String.join("; ", problems));
        }
    }


    public Optional<Object> defaultIfAny() {
        return Optional.ofNullable(defaultValue);
    }

    public Optional<String> pickerIfAny() {
        return Optional.ofNullable(picker);
    }

    /**
     * Checks a non-null value against the type, allowed values and validators.
     *
     * @return the problems found, as plain sentences; empty when the value is fine
     */
    public List<String> check(Object value) {
        Objects.requireNonNull(value, "value");
        return problems(type, allowedValues, validators, sensitive, value);
    }

    private static List<String> problems(ValueType type, List<String> allowedValues, List<FieldValidator> validators,
                                         boolean sensitive, Object value) {
        List<String> problems = new ArrayList<>();
        if (!type.accepts(value)) {
            problems.add("must be of type " + type.id() + " but is " + ValueType.describe(value));
            return problems;
        }
        if (!allowedValues.isEmpty() && !allowedValues.contains(String.valueOf(value))) {
            problems.add("must be one of " + String.join(", ", allowedValues)
                    + (sensitive || value instanceof Secret ? "" : " but is '" + value + "'"));
        }
        for (FieldValidator validator : validators) {
            validator.check(value).ifPresent(problems::add);
        }
        return problems;
    }

    /** Starts a field declaration; the type defaults to {@link ValueType#STRING}. */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** Builds a {@link FieldSpec}. */
    public static final class Builder {
        private final String name;
        private String description = "";
        private ValueType type = ValueType.STRING;
        private boolean required;
        private Object defaultValue;
        private final List<String> allowedValues = new ArrayList<>();
        private boolean sensitive;
        private String picker;
        private final List<FieldValidator> validators = new ArrayList<>();

        private Builder(String name) {
            this.name = name;
        }

        public Builder description(String description) {
            this.description = description;
            return this;
        }

        public Builder type(ValueType type) {
            this.type = type;
            return this;
        }

        public Builder required() {
            this.required = true;
            return this;
        }

        public Builder defaultValue(Object defaultValue) {
            this.defaultValue = defaultValue;
            return this;
        }

        public Builder allowedValues(String... values) {
            this.allowedValues.addAll(List.of(values));
            return this;
        }

        public Builder sensitive() {
            this.sensitive = true;
            return this;
        }

        public Builder picker(String pickerId) {
            this.picker = pickerId;
            return this;
        }

        public Builder validator(FieldValidator validator) {
            this.validators.add(Objects.requireNonNull(validator, "validator"));
            return this;
        }

        public FieldSpec build() {
            return new FieldSpec(name, description, type, required, defaultValue, allowedValues,
                    sensitive, picker, validators);
        }
    }
}
