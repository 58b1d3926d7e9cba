package dev.keyway.connections.store;

/**
 * Where seeded environment secrets go: one environment, or every environment of the workspace
 * (stored once under {@link #ALL}, found by every environment that has no value of its own).
 *
 * @param environment an environment name, or {@link #ALL}
 */
public record SecretScope(String environment) {

    /** The stored environment name meaning "every environment of the workspace". */
    public static final String ALL = "*";

    public SecretScope {
        environment = Names.require("environment", environment);
    }

    public static SecretScope environment(String name) {
        if (ALL.equals(name)) {
            throw new InvalidRequestException("'*' is reserved; use SecretScope.allEnvironments()");
        }
        return new SecretScope(name);
    }

    public static SecretScope allEnvironments() {
        return new SecretScope(ALL);
    }
}
