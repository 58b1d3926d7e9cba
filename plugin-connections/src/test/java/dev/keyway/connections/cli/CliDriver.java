package dev.keyway.connections.cli;

import dev.keyway.api.CliCommand;
import dev.keyway.api.KeywayException;
import dev.keyway.api.Principal;
import dev.keyway.api.support.UsageException;
import dev.keyway.connections.ConnectionsRuntime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Runs the plugin's commands the way the host does: exceptions become exit codes (2 for usage,
 * 1 for other Keyway errors) and their messages go to stderr. Every run is kept, for leak sweeps.
 */
public final class CliDriver {

    static final Principal ALICE = new Principal("alice", "acme");

    /** One finished run. */
    public record Run(int exit, String out, String err, List<String> prompts) {
        String all() {
            return out + "\n" + err;
        }
    }

    private final ConnectionsRuntime runtime;
    private final List<Run> runs = new ArrayList<>();
    private Principal principal = ALICE;
    private String environment = "development";
    private boolean json;
    private String stdin = "";
    private BooleanSupplier interactive = () -> false;

    public CliDriver(ConnectionsRuntime runtime) {
        this.runtime = runtime;
    }

    CliDriver as(Principal who) {
        this.principal = who;
        return this;
    }

    CliDriver env(String name) {
        this.environment = name;
        return this;
    }

    public CliDriver json(boolean on) {
        this.json = on;
        return this;
    }

    /** Stdin for the next run only. */
    CliDriver stdin(String text) {
        this.stdin = text;
        return this;
    }

    CliDriver interactive(boolean on) {
        this.interactive = () -> on;
        return this;
    }

    public Run connections(String... args) {
        return run(new ConnectionsCommand(() -> runtime, interactive), args);
    }

    Run keys(String... args) {
        return run(new KeysCommand(() -> runtime), args);
    }

    List<Run> runs() {
        return List.copyOf(runs);
    }

    private Run run(CliCommand command, String... args) {
        TestCommandContext context = new TestCommandContext(List.of(args), stdin, json, principal, environment);
        stdin = "";
        int exit;
        try {
            exit = command.run(context);
        } catch (UsageException e) {
            context.err().println("keyway: " + e.getMessage());
            exit = 2;
        } catch (KeywayException e) {
            context.err().println("keyway: " + e.getMessage());
            exit = 1;
        }
        Run run = new Run(exit, context.outText(), context.errText(), context.prompts());
        runs.add(run);
        return run;
    }
}
