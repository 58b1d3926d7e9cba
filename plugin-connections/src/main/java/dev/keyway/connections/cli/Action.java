package dev.keyway.connections.cli;

import java.util.Set;

/** One subcommand, e.g. {@code connections add}: its options, its help, and what it does. */
interface Action {

    /** The subcommand word. */
    String name();

    /** One line for the command's overview. */
    String summary();

    /** The full {@code --help} text: synopsis, options, examples. */
    String help();

    /** Options that take a value, without dashes. */
    default Set<String> valued() {
        return Set.of();
    }

    /** Options that take none, without dashes ({@code help} is always accepted). */
    default Set<String> flags() {
        return Set.of();
    }

    /** Runs it; returns the exit code. */
    int run(Invocation invocation);
}
