package dev.keyway.connections.providers;

import java.util.Objects;
import java.util.Optional;

/**
 * How one piece of a credential is added to a request.
 *
 * <p>{@code name} and {@code template} are templates over the connection's fields: a header
 * {@code Authorization} with {@code "Bearer {token}"}, a query parameter {@code api_key} with
 * {@code "{api-key}"}. For {@link Placement#BASIC} the {@code username} and {@code password}
 * templates are used instead. {@code templateFrom} names a non-secret field whose value is the
 * template (for custom connections, where the person chooses the format).
 *
 * @param in           where the value goes
 * @param name         header, query parameter or cookie name (a template); null for basic
 * @param template     the value; null when {@code templateFrom} or basic is used
 * @param templateFrom a non-secret field holding the value template, or null
 * @param username     basic only: the user part
 * @param password     basic only: the password part
 * @param when         applies only when this holds, or null for always
 */
public record InjectionRule(
        Placement in,
        Template name,
        Template template,
        String templateFrom,
        Template username,
        Template password,
        Condition when) {

    public InjectionRule {
        Objects.requireNonNull(in, "in");
    }

    public Optional<Condition> condition() {
        return Optional.ofNullable(when);
    }

    /**
     * A rule applies when the non-secret field {@code field} equals {@code equals}.
     *
     * @param field  a non-secret field
     * @param equals the value that selects the rule
     */
    public record Condition(String field, String equals) {

        public Condition {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(equals, "equals");
        }
    }
}
