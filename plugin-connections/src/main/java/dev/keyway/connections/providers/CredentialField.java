package dev.keyway.connections.providers;

import java.util.List;
import java.util.Objects;

/**
 * One value a person enters when creating a connection.
 *
 * @param name          the key in the connection's credentials, e.g. {@code api-token}
 * @param label         what a person sees
 * @param secret        whether it is credential material (never shown again) or plain settings
 * @param required      whether a connection needs it
 * @param defaultValue  used when the connection has no value; only for non-secret fields; may be null
 * @param allowedValues the only values allowed, or empty
 */
public record CredentialField(
        String name, String label, boolean secret, boolean required, String defaultValue, List<String> allowedValues) {

    public CredentialField {
        Objects.requireNonNull(name, "name");
        label = label == null ? name : label;
        allowedValues = List.copyOf(allowedValues == null ? List.of() : allowedValues);
    }
}
