package dev.keyway.connections.cli;

import dev.keyway.api.CommandContext;
import dev.keyway.api.support.CommandArgs;
import dev.keyway.api.support.UsageException;
import dev.keyway.connections.ConnectionsRuntime;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Picks the subcommand, parses its options and answers {@code --help}, for both of the plugin's
 * commands. The runtime is looked up only when an action asks for it, once.
 */
final class Dispatcher {

    private final String command;
    private final String about;
    private final Map<String, Action> actions = new LinkedHashMap<>();

    Dispatcher(String command, String about, List<Action> actions) {
        this.command = command;
        this.about = about;
        actions.forEach(action -> this.actions.put(action.name(), action));
    }

    int run(CommandContext context, Supplier<ConnectionsRuntime> runtime, BooleanSupplier interactive) {
        List<String> args = context.args();
        if (args.isEmpty()) {
            throw new UsageException("say what to do: %s", String.join(", ", actions.keySet()));
        }
        String word = args.get(0);
        if (word.equals("--help") || word.equals("-h") || word.equals("help")) {
            context.out().println(overview());
            return Invocation.OK;
        }
        Action action = actions.get(word);
        if (action == null) {
            throw new UsageException("unknown subcommand '%s' of keyway %s; use one of %s", word, command,
                    String.join(", ", actions.keySet()));
        }
        Set<String> flags = new HashSet<>(action.flags());
        flags.add("help");
        CommandArgs parsed = CommandArgs.parse(args.subList(1, args.size()), action.valued(), flags);
        if (parsed.flag("help")) {
            context.out().println(action.help());
            return Invocation.OK;
        }
        return action.run(new Invocation(context, parsed, memoized(runtime), interactive.getAsBoolean()));
    }

    String overview() {
        StringBuilder text = new StringBuilder("Usage: keyway ").append(command).append(" SUBCOMMAND [OPTIONS]\n\n")
                .append(about).append("\n\nSubcommands:\n");
        actions.values().forEach(a -> text.append(String.format("  %-12s %s%n", a.name(), a.summary())));
        text.append("\nGlobal options (--user, --workspace, --env, --json) apply to every subcommand.\n")
                .append("Run 'keyway ").append(command).append(" SUBCOMMAND --help' for its options and examples.");
        return text.toString();
    }

    private static Supplier<ConnectionsRuntime> memoized(Supplier<ConnectionsRuntime> supplier) {
        ConnectionsRuntime[] held = new ConnectionsRuntime[1];
        return () -> {
            if (held[0] == null) {
                held[0] = supplier.get();
            }
            return held[0];
        };
    }
}
