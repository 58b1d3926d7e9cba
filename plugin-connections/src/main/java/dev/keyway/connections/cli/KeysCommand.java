package dev.keyway.connections.cli;

import dev.keyway.api.CliCommand;
import dev.keyway.api.CommandContext;
import dev.keyway.connections.ConnectionsRuntime;
import java.util.List;
import java.util.function.Supplier;
import org.pf4j.Extension;

/**
 * {@code keyway keys}: the store's encryption keys. Status, data key rotation (online, in batches)
 * and master key change, all through the store's own key manager.
 */
@Extension
public final class KeysCommand implements CliCommand {

    private static final Dispatcher DISPATCHER = new Dispatcher("keys",
            "Manage the connection store's encryption keys: data keys encrypt credentials, the master key wraps them.",
            List.of(new KeyStatusAction(), new KeyRotateAction(), new MasterKeyAction()));

    private final Supplier<ConnectionsRuntime> runtime;

    /** For PF4J: the running plugin's store. */
    public KeysCommand() {
        this(ConnectionsRuntime::require);
    }

    /** For tests and embedding: the store comes from {@code runtime}. */
    public KeysCommand(Supplier<ConnectionsRuntime> runtime) {
        this.runtime = runtime;
    }

    @Override
    public String name() {
        return "keys";
    }

    @Override
    public String summary() {
        return "show, rotate and change the connection store's encryption keys";
    }

    @Override
    public int run(CommandContext context) {
        return DISPATCHER.run(context, runtime, Terminal::present);
    }
}
