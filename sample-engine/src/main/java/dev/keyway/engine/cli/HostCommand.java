package dev.keyway.engine.cli;

import java.util.Set;

/** One of the host's own CLI commands. */
interface HostCommand {

    String name();

    /** One line for {@code keyway --help}. */
    String summary();

    /** The full {@code --help} text: synopsis, arguments, options, examples. */
    String usage();

    /** Options that take a value, besides the global ones. */
    default Set<String> valuedOptions() {
        return Set.of();
    }

    /** Options without a value, besides the global ones. */
    default Set<String> flags() {
        return Set.of();
    }

    /** @return the exit code */
    int run(Invocation invocation);
}
