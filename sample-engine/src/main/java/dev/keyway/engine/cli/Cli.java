package dev.keyway.engine.cli;

import dev.keyway.api.CliCommand;
import dev.keyway.api.KeywayException;
import dev.keyway.api.Principal;
import dev.keyway.api.support.CommandArgs;
import dev.keyway.api.support.UsageException;
import dev.keyway.engine.plugins.PluginHost;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code keyway} command line: global options, the host's commands, and commands that
 * plugins contribute. Exit codes: 0 success, 1 failure, 2 usage error.
 */
public final class Cli {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    private static final Logger LOG = LoggerFactory.getLogger(Cli.class);
    private static final Set<String> GLOBAL_VALUED = Set.of("home", "plugins", "user", "workspace", "env");
    private static final Set<String> GLOBAL_FLAGS = Set.of("json", "help", "version");

    private final Map<String, String> environment;
    private final InputStream in;
    private final PrintWriter out;
    private final PrintWriter err;
    private final Map<String, HostCommand> commands = new LinkedHashMap<>();

    public Cli(Map<String, String> environment, InputStream in, PrintStream out, PrintStream err) {
        this.environment = Map.copyOf(environment);
        this.in = in;
        this.out = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true);
        this.err = new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true);
        for (HostCommand command : Commands.all()) {
            commands.put(command.name(), command);
        }
    }

    /** Runs one command line and returns the exit code; never throws. */
    public int run(String... argv) {
        List<String> args = List.of(argv);
        int commandIndex = commandIndex(args);
        Session[] opened = new Session[1];
        try {
            if (commandIndex < 0) {
                CommandArgs global = CommandArgs.parse(args, GLOBAL_VALUED, GLOBAL_FLAGS);
                if (global.flag("version")) {
                    out.println("keyway " + version());
                    return OK;
                }
                printHelp(global);
                return global.flag("help") ? OK : USAGE;
            }
            String name = args.get(commandIndex);
            List<String> rest = new ArrayList<>(args.subList(0, commandIndex));
            rest.addAll(args.subList(commandIndex + 1, args.size()));
            HostCommand command = commands.get(name);
            if (command != null) {
                return runHostCommand(command, rest, opened);
            }
            return runPluginCommand(name, rest, opened);
        } catch (UsageException e) {
            err.println("keyway: " + e.getMessage());
            err.println("Run 'keyway " + (commandIndex >= 0 ? args.get(commandIndex) + " " : "") + "--help' for usage.");
            return USAGE;
        } catch (KeywayException e) {
            err.println("keyway: " + e.getMessage());
            return FAILED;
        } catch (RuntimeException e) {
            LOG.debug("unexpected failure", e);
            err.println("keyway: internal error (" + e.getClass().getSimpleName()
                    + "); run again with KEYWAY_LOG_LEVEL=debug for details");
            return FAILED;
        } finally {
            if (opened[0] != null) {
                opened[0].close();
            }
            out.flush();
            err.flush();
        }
    }

    private int runHostCommand(HostCommand command, List<String> args, Session[] opened) {
        Set<String> valued = union(GLOBAL_VALUED, command.valuedOptions());
        Set<String> flags = union(GLOBAL_FLAGS, command.flags());
        CommandArgs parsed = CommandArgs.parse(args, valued, flags);
        if (parsed.flag("help")) {
            out.println(command.usage());
            return OK;
        }
        KeywayHome home = KeywayHome.resolve(parsed, environment);
        Invocation invocation = new Invocation(parsed, out, err, in, principal(parsed), environment(parsed), home,
                () -> opened[0] = Session.open(home, environment));
        return command.run(invocation);
    }

    private int runPluginCommand(String name, List<String> args, Session[] opened) {
        List<String> own = new ArrayList<>();
        List<String> global = new ArrayList<>();
        splitGlobal(args, own, global);
        CommandArgs parsed = CommandArgs.parse(global, GLOBAL_VALUED, GLOBAL_FLAGS);
        Session session = Session.open(KeywayHome.resolve(parsed, environment), environment);
        opened[0] = session;
        Optional<PluginHost.Contributed<CliCommand>> command = session.plugins().extensions(CliCommand.class).stream()
                .filter(c -> c.extension().name().equals(name))
                .findFirst();
        if (command.isEmpty()) {
            throw new UsageException("unknown command '%s'", name);
        }
        if (parsed.flag("help")) {
            own.add("--help");
        }
        DefaultCommandContext context = new DefaultCommandContext(own, out, err, in, parsed.flag("json"),
                principal(parsed), environment(parsed));
        PluginHost.Contributed<CliCommand> contributed = command.get();
        return dev.keyway.engine.plugins.ContextClassLoader.call(contributed.classLoader(),
                () -> contributed.extension().run(context));
    }

    /** Separates the global options (and their values) from a plugin command's own arguments. */
    private static void splitGlobal(List<String> args, List<String> own, List<String> global) {
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String name = arg.startsWith("--") ? arg.substring(2).split("=", 2)[0] : "";
            if (GLOBAL_VALUED.contains(name)) {
                global.add(arg);
                if (!arg.contains("=") && i + 1 < args.size()) {
                    global.add(args.get(++i));
                }
            } else if (GLOBAL_FLAGS.contains(name) || arg.equals("-h")) {
                global.add(arg);
            } else {
                own.add(arg);
            }
        }
    }

    /** Index of the command word: the first argument that is neither an option nor an option's value. */
    private static int commandIndex(List<String> args) {
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.startsWith("-")) {
                String name = arg.startsWith("--") ? arg.substring(2) : "";
                if (GLOBAL_VALUED.contains(name)) {
                    i++;
                }
                continue;
            }
            return i;
        }
        return -1;
    }

    private Principal principal(CommandArgs args) {
        String user = args.option("user").or(() -> Optional.ofNullable(environment.get("KEYWAY_USER")))
                .orElse(System.getProperty("user.name", "local"));
        String workspace = args.option("workspace").or(() -> Optional.ofNullable(environment.get("KEYWAY_WORKSPACE")))
                .orElse("default");
        try {
            return new Principal(user, workspace);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--user and --workspace must not be blank");
        }
    }

    private String environment(CommandArgs args) {
        return args.option("env").or(() -> Optional.ofNullable(environment.get("KEYWAY_ENV")))
                .filter(e -> !e.isBlank()).orElse("development");
    }

    private void printHelp(CommandArgs global) {
        out.println("""
                Usage: keyway [GLOBAL OPTIONS] COMMAND [ARGS]

                Runs workflow patterns with the nodes of the loaded plugins.

                Commands:""");
        commands.values().forEach(c -> out.printf("  %-12s %s%n", c.name(), c.summary()));
        try (Session session = Session.open(KeywayHome.resolve(global, environment), environment)) {
            List<PluginHost.Contributed<CliCommand>> contributed = session.plugins().extensions(CliCommand.class);
            if (!contributed.isEmpty()) {
                out.println();
                out.println("Commands from plugins:");
                contributed.forEach(c -> out.printf("  %-12s %s%n", c.extension().name(), c.extension().summary()));
            }
        } catch (KeywayException e) {
            out.println();
            out.println("(plugins could not be loaded: " + e.getMessage() + ")");
        }
        out.println("""

                Global options:
                  --home DIR        Keyway's folder (default: $KEYWAY_HOME or ~/.keyway)
                  --plugins DIR     load plugins from DIR instead of KEYWAY_HOME/plugins (repeatable)
                  --user USER       who runs the command (default: $KEYWAY_USER or the OS user)
                  --workspace W     the user's workspace (default: $KEYWAY_WORKSPACE or 'default')
                  --env ENV         development, staging, production, ... (default: $KEYWAY_ENV or development)
                  --json            machine-readable output
                  --help, -h        help for keyway or for a command
                  --version         print the version

                Run 'keyway COMMAND --help' for a command's options.""");
    }

    static String version() {
        String version = Cli.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return all;
    }
}
