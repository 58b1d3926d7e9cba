package dev.keyway.connections.cli;

import dev.keyway.api.support.UsageException;
import dev.keyway.connections.store.Connection;
import dev.keyway.connections.store.SecretScope;
import java.util.Optional;

/**
 * The {@code --seed all|env} option: seed a connection's fields as environment secrets into every
 * environment of the workspace, or only into the {@code --env} one. Chosen over an
 * {@code --env-only} flag because it says what it changes.
 *
 * @param envOnly true for {@code env}
 */
record SeedTarget(boolean envOnly) {

    static final String OPTION = "seed";

    /** The option as given, if it was. */
    static Optional<SeedTarget> given(Invocation invocation) {
        return invocation.args().option(OPTION).map(value -> switch (value) {
            case "all" -> new SeedTarget(false);
            case "env" -> new SeedTarget(true);
            default -> throw new UsageException("--seed takes all or env, not '%s'", value);
        });
    }

    SecretScope scope(String environment) {
        return envOnly ? SecretScope.environment(environment) : SecretScope.allEnvironments();
    }

    /** Where the secrets went, for people. */
    String describe(Connection c) {
        return envOnly ? "environment " + c.environment() : "every environment of workspace " + c.workspace();
    }
}
