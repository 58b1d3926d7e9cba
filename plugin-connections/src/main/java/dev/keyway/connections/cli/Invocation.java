package dev.keyway.connections.cli;

import dev.keyway.api.CommandContext;
import dev.keyway.api.KeywayException;
import dev.keyway.api.Principal;
import dev.keyway.api.support.CommandArgs;
import dev.keyway.api.support.UsageException;
import dev.keyway.connections.ConnectionsRuntime;
import dev.keyway.connections.service.ConnectionService;
import dev.keyway.connections.store.Connection;
import java.io.PrintWriter;
import java.util.List;
import java.util.function.Supplier;

/**
 * One run of an {@link Action}: the host's context, the parsed arguments after the subcommand,
 * and the plugin runtime, fetched only when the action needs it (so {@code --help} works without it).
 *
 * @param context     what the host handed the command
 * @param args        options and positionals after the subcommand word
 * @param runtime     the running plugin's services
 * @param interactive whether a person is at a terminal to answer a question
 */
record Invocation(CommandContext context, CommandArgs args, Supplier<ConnectionsRuntime> runtime,
                  boolean interactive) {

    /** Exit code: success. */
    static final int OK = 0;
    /** Exit code: the command ran and the answer is "no" (e.g. a connection is not active). */
    static final int FAILED = 1;

    ConnectionService connections() {
        return runtime.get().connections();
    }

    Principal principal() {
        return context.principal();
    }

    PrintWriter out() {
        return context.out();
    }

    boolean json() {
        return context.json();
    }

    /**
     * Checks the positional arguments: exactly {@code names.length} of them, or at least that many
     * when the last name ends with "..." (a repeatable one).
     *
     * @throws UsageException naming what is missing or extra
     */
    List<String> positionals(String... names) {
        List<String> given = args.positionals();
        boolean repeatable = names.length > 0 && names[names.length - 1].endsWith("...");
        if (given.size() < names.length) {
            throw new UsageException("missing %s", names[given.size()]);
        }
        if (!repeatable && given.size() > names.length) {
            throw new UsageException("unexpected argument '%s'", given.get(names.length));
        }
        return given;
    }

    /** A connection the caller can see, or {@link #notFound}. */
    Connection connection(String id) {
        return connections().store().get(id, principal()).orElseThrow(() -> notFound(id));
    }

    /** Missing and not visible read the same, so the answer never says that someone else's id exists. */
    KeywayException notFound(String id) {
        return new KeywayException("connection %s was deleted or is not available to user %s in workspace %s; "
                + "'keyway connections list --all-envs' shows yours and those shared with you", id,
                principal().user(), principal().workspace());
    }
}
