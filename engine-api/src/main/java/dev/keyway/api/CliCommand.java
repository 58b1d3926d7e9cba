package dev.keyway.api;

import org.pf4j.ExtensionPoint;

/**
 * A top-level CLI command a plugin contributes, e.g. {@code keyway connections ...}.
 */
public interface CliCommand extends ExtensionPoint {

    /** The command word, e.g. {@code connections}; must not clash with the host's own commands. */
    String name();

    /** One line for {@code keyway --help}. */
    String summary();

    /**
     * Runs the command.
     *
     * @return the process exit code: 0 success, 1 failure, 2 usage error
     */
    int run(CommandContext context);
}
