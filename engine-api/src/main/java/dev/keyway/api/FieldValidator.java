package dev.keyway.api;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A check on one value of a property or input, run by the host when it validates a pattern
 * (literal values) and before a node executes (wired values).
 */
@FunctionalInterface
public interface FieldValidator {

    /**
     * Returns a plain sentence describing what is wrong with {@code value} (never null here),
     * or empty when it is fine. The sentence must not quote secret values.
     */
    Optional<String> check(Object value);

    /** Strings must match {@code regex} entirely; {@code description} says what is expected. */
    static FieldValidator matches(String regex, String description) {
        Pattern pattern = Pattern.compile(regex);
        return value -> value instanceof String s && !pattern.matcher(s).matches()
                ? Optional.of("must be " + description)
                : Optional.empty();
    }

    /** Strings must not be blank. */
    static FieldValidator notBlank() {
        return value -> value instanceof String s && s.isBlank()
                ? Optional.of("must not be blank")
                : Optional.empty();
    }

    /** Numbers must lie within {@code [min, max]}. */
    static FieldValidator range(long min, long max) {
        return value -> value instanceof Number n && (n.doubleValue() < min || n.doubleValue() > max)
                ? Optional.of("must be between " + min + " and " + max)
                : Optional.empty();
    }
}
