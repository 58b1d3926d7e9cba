package dev.keyway.connections.cli;

import dev.keyway.api.KeywayException;
import dev.keyway.api.support.UsageException;
import dev.keyway.connections.store.Connection;
import dev.keyway.connections.store.ConnectionFilter;
import dev.keyway.connections.store.ConnectionStatus;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code connections list}: the caller's own and shared connections, filtered. */
final class ListAction implements Action {

    @Override
    public String name() {
        return "list";
    }

    @Override
    public String summary() {
        return "list your and shared connections in the --env environment (or all)";
    }

    @Override
    public Set<String> valued() {
        return Set.of("provider", "tag", "status");
    }

    @Override
    public Set<String> flags() {
        return Set.of("all-envs");
    }

    @Override
    public String help() {
        return """
                Usage: keyway connections list [--provider P] [--tag T] [--status active|not_active] [--all-envs]

                Lists the connections you own or that are shared with you, in the --env environment
                (default development), newest first. Credentials are never shown.

                Options:
                  --provider P   only this provider, e.g. slack
                  --tag T        only connections tagged T
                  --status S     only active or only not_active ones
                  --all-envs     every environment instead of --env

                Examples:
                  keyway connections list
                  keyway --env production connections list --provider github --status not_active
                  keyway --json connections list --all-envs --tag ops""";
    }

    private static ConnectionStatus.State state(String given) {
        try {
            return ConnectionStatus.State.fromWire(given);
        } catch (KeywayException e) {
            throw new UsageException("--status takes active or not_active, not '%s'", given);
        }
    }

    @Override
    public int run(Invocation invocation) {
        invocation.positionals();
        ConnectionFilter filter = new ConnectionFilter(invocation.args().option("provider").orElse(null),
                invocation.args().option("tag").orElse(null),
                invocation.args().flag("all-envs") ? null : invocation.context().environment(),
                invocation.args().option("status").map(ListAction::state).orElse(null));
        List<Connection> found = invocation.connections().store().list(invocation.principal(), filter);
        if (invocation.json()) {
            invocation.out().println(Json.write(Map.of("connections", found.stream().map(Views::connection).toList())));
        } else if (found.isEmpty()) {
            invocation.out().println(invocation.args().flag("all-envs")
                    ? "No connections match; create one with 'keyway connections add PROVIDER'."
                    : "No connections match in environment " + invocation.context().environment()
                            + "; try --all-envs, or create one with 'keyway connections add PROVIDER'.");
        } else {
            Table table = new Table("ID", "PROVIDER", "NAME", "TYPE", "STATUS", "TAGS", "ENV", "CREATED", "LAST USED");
            for (Connection c : found) {
                table.row(c.id(), c.provider(), c.displayName(), c.type().id(), Status.label(c.status()),
                        String.join(",", Views.sorted(c.tags())), c.environment(), Times.table(c.createdAt(), "-"),
                        Times.table(c.lastUsedAt(), "never"));
            }
            table.print(invocation.out());
        }
        return Invocation.OK;
    }
}
