package dev.keyway.connections.cli;

import dev.keyway.api.support.UsageException;
import dev.keyway.connections.store.UsageEvent;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code connections usage ID}: the usage trail, newest first. */
final class UsageAction implements Action {

    private static final int DEFAULT_LIMIT = 50;

    @Override
    public String name() {
        return "usage";
    }

    @Override
    public String summary() {
        return "show where and when a connection was used";
    }

    @Override
    public Set<String> valued() {
        return Set.of("limit");
    }

    @Override
    public String help() {
        return """
                Usage: keyway connections usage ID [--limit N]

                Shows the usage trail, newest first: when, by which execution and node, which host got the
                credentials, and the outcome (ok, http_401, refused_host, ...).

                Options:
                  --limit N   at most N events (default 50)

                Examples:
                  keyway connections usage conn_3kTm9x...
                  keyway --json connections usage conn_3kTm9x... --limit 500""";
    }

    @Override
    public int run(Invocation invocation) {
        String id = invocation.positionals("ID").get(0);
        int limit = limit(invocation);
        invocation.connection(id);
        List<UsageEvent> events = invocation.connections().usage(id, invocation.principal(), limit);
        if (invocation.json()) {
            invocation.out().println(Json.write(Map.of("id", id, "usage", events.stream().map(Views::usage).toList())));
        } else if (events.isEmpty()) {
            invocation.out().println("No recorded use of " + id + " yet.");
        } else {
            Table table = new Table("AT", "OUTCOME", "TARGET", "EXECUTION", "NODE");
            events.forEach(e -> table.row(Times.table(e.at(), "-"), e.outcome(), e.targetHost(), e.executionId(),
                    e.nodeId()));
            table.print(invocation.out());
        }
        return Invocation.OK;
    }

    private static int limit(Invocation invocation) {
        String given = invocation.args().option("limit").orElse(String.valueOf(DEFAULT_LIMIT));
        try {
            int limit = Integer.parseInt(given);
            if (limit > 0) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new UsageException("--limit takes a positive number, not '%s'", given);
    }
}
