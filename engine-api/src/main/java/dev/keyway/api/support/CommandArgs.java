package dev.keyway.api.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Options and positional arguments of one command line, for hosts and plugin commands alike.
 *
 * @param options     option name (without dashes) to its values, in order
 * @param positionals everything else, in order
 */
public record CommandArgs(Map<String, List<String>> options, List<String> positionals) {

    public CommandArgs {
        options = Map.copyOf(options);
        positionals = List.copyOf(positionals);
    }

    /**
     * Parses {@code --name value}, {@code --name=value} and flags. A lone {@code -} is a
     * positional (stdin); everything after {@code --} is positional.
     *
     * @param valued options that take a value
     * @param flags  options that take none
     * @throws UsageException naming the unknown option or the missing value
     */
    public static CommandArgs parse(List<String> args, Set<String> valued, Set<String> flags) {
        Map<String, List<String>> options = new LinkedHashMap<>();
        List<String> positionals = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--")) {
                positionals.addAll(args.subList(i + 1, args.size()));
                break;
            }
            if (arg.equals("-h")) {
                arg = "--help";
            }
            if (!arg.startsWith("--") || arg.length() == 2) {
                positionals.add(arg);
                continue;
            }
            String name = arg.substring(2);
            String value = null;
            int equals = name.indexOf('=');
            if (equals >= 0) {
                value = name.substring(equals + 1);
                name = name.substring(0, equals);
            }
            if (flags.contains(name)) {
                if (value != null) {
                    throw new UsageException("option --%s takes no value", name);
                }
                options.computeIfAbsent(name, k -> new ArrayList<>()).add("true");
            } else if (valued.contains(name)) {
                if (value == null) {
                    if (i + 1 >= args.size()) {
                        throw new UsageException("option --%s needs a value", name);
                    }
                    value = args.get(++i);
                }
                options.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            } else {
                throw new UsageException("unknown option --%s", name);
            }
        }
        options.replaceAll((k, v) -> List.copyOf(v));
        return new CommandArgs(options, positionals);
    }

    /** Whether the flag or option was given. */
    public boolean flag(String name) {
        return options.containsKey(name);
    }

    /** The last value given for an option. */
    public Optional<String> option(String name) {
        List<String> values = options.get(name);
        return values == null ? Optional.empty() : Optional.of(values.get(values.size() - 1));
    }

    /** Every value given for a repeatable option, in order. */
    public List<String> all(String name) {
        return options.getOrDefault(name, List.of());
    }
}
