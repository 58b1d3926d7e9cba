package dev.keyway.connections.cli;

import dev.keyway.api.CliCommand;
import dev.keyway.api.CommandContext;
import dev.keyway.connections.ConnectionsRuntime;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.pf4j.Extension;

/**
 * {@code keyway connections}: add, list, show, update, delete, share, tag, test connections and read
 * their usage trail, from a terminal or a script. Runs as the host's {@code --user} in its
 * {@code --workspace} and {@code --env}, with the same access rules as the REST API.
 */
@Extension
public final class ConnectionsCommand implements CliCommand {

    private static final Dispatcher DISPATCHER = new Dispatcher("connections",
            "Manage connections: saved, encrypted credentials for external services that patterns use.",
            List.of(new AddAction(), new ListAction(), new ShowAction(), new UpdateAction(), new DeleteAction(),
                    new ShareAction(true), new ShareAction(false), new TagAction(true), new TagAction(false),
                    new TestAction(), new UsageAction(), new ProvidersAction()));

    private final Supplier<ConnectionsRuntime> runtime;
    private final BooleanSupplier interactive;

    /** For PF4J: the running plugin's services, and a terminal when the JVM has a console. */
    public ConnectionsCommand() {
        this(ConnectionsRuntime::require);
    }

    /** For tests and embedding: the services come from {@code runtime}. */
    public ConnectionsCommand(Supplier<ConnectionsRuntime> runtime) {
        this(runtime, Terminal::present);
    }

    ConnectionsCommand(Supplier<ConnectionsRuntime> runtime, BooleanSupplier interactive) {
        this.runtime = runtime;
        this.interactive = interactive;
    }

    @Override
    public String name() {
        return "connections";
    }

    @Override
    public String summary() {
        return "add, list, test, rotate and delete connections (encrypted credentials)";
    }

    @Override
    public int run(CommandContext context) {
        return DISPATCHER.run(context, runtime, interactive);
    }
}
