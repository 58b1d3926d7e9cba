package dev.keyway.api;

import java.util.Objects;

/**
 * A request for picker options.
 *
 * @param nodeType    the node type whose property is being set
 * @param property    the property name
 * @param principal   who asks
 * @param environment the environment the pattern will run in
 */
public record OptionsQuery(String nodeType, String property, Principal principal, String environment) {

    public OptionsQuery {
        Objects.requireNonNull(nodeType, "nodeType");
        Objects.requireNonNull(property, "property");
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(environment, "environment");
    }
}
