package dev.keyway.api;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a node type is and what it takes and gives, as immutable data.
 *
 * @param type        the id used in pattern files, {@code plugin.name}, e.g. {@code connections.http-request}
 * @param displayName a short name for people, e.g. {@code HTTP Request}
 * @param description one or two sentences on what the node does
 * @param properties  configuration set when the pattern is written (literal values)
 * @param inputs      values supplied at run time, wired from other nodes or given as literals
 * @param outputs     values the node produces
 */
public record NodeSpec(
        String type,
        String displayName,
        String description,
        List<FieldSpec> properties,
        List<FieldSpec> inputs,
        List<FieldSpec> outputs) {

    private static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)+");

    public NodeSpec {
        Objects.requireNonNull(type, "type");
        if (!TYPE.matcher(type).matches()) {
            throw new IllegalArgumentException("node type '" + type
                    + "' must look like 'plugin.node-name' (lower case, dot separated)");
        }
        displayName = displayName == null || displayName.isBlank() ? type : displayName;
        description = description == null ? "" : description;
        properties = List.copyOf(properties);
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        Set<String> seen = new HashSet<>();
        for (FieldSpec field : properties) {
            requireUnique(seen, "property", field.name(), type);
        }
        for (FieldSpec field : inputs) {
            requireUnique(seen, "input", field.name(), type);
        }
        Set<String> outputNames = new HashSet<>();
        for (FieldSpec field : outputs) {
            requireUnique(outputNames, "output", field.name(), type);
        }
    }

    private static void requireUnique(Set<String> seen, String kind, String name, String type) {
        if (!seen.add(name)) {
            throw new IllegalArgumentException("node type '" + type + "' declares " + kind + " '" + name
                    + "' twice (property and input names share one namespace)");
        }
    }

    public Optional<FieldSpec> property(String name) {
        return find(properties, name);
    }

    public Optional<FieldSpec> input(String name) {
        return find(inputs, name);
    }

    public Optional<FieldSpec> output(String name) {
        return find(outputs, name);
    }

    private static Optional<FieldSpec> find(List<FieldSpec> fields, String name) {
        return fields.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    /** Starts a node declaration. */
    public static Builder builder(String type) {
        return new Builder(type);
    }

    /** Builds a {@link NodeSpec}. */
    public static final class Builder {
        private final String type;
        private String displayName;
        private String description = "";
        private final List<FieldSpec> properties = new ArrayList<>();
        private final List<FieldSpec> inputs = new ArrayList<>();
        private final List<FieldSpec> outputs = new ArrayList<>();

        private Builder(String type) {
            this.type = type;
        }

        public Builder displayName(String displayName) {
            this.displayName = displayName;
            return this;
        }

        public Builder description(String description) {
            this.description = description;
            return this;
        }

        public Builder property(FieldSpec property) {
            properties.add(property);
            return this;
        }

        public Builder input(FieldSpec input) {
            inputs.add(input);
            return this;
        }

        public Builder output(FieldSpec output) {
            outputs.add(output);
            return this;
        }

        public NodeSpec build() {
            return new NodeSpec(type, displayName, description, properties, inputs, outputs);
        }
    }
}
