package dev.keyway.connections.cli;

import dev.keyway.connections.store.Connection;
import java.util.List;

/** {@code connections share|unshare ID USER}: lets another user of the workspace use a connection, or stops it. */
final class ShareAction implements Action {

    private final boolean share;

    ShareAction(boolean share) {
        this.share = share;
    }

    @Override
    public String name() {
        return share ? "share" : "unshare";
    }

    @Override
    public String summary() {
        return share ? "let another user of your workspace use a connection" : "stop sharing a connection with a user";
    }

    @Override
    public String help() {
        String word = name();
        return "Usage: keyway connections " + word + " ID USER\n\n"
                + (share
                ? "Lets USER (same workspace) use the connection in patterns. They never see its credentials\n"
                        + "and cannot change, share or delete it."
                : "USER can no longer use the connection; their patterns that use it fail at the next run.")
                + "\n\nExamples:\n  keyway connections " + word + " conn_3kTm9x... bob";
    }

    @Override
    public int run(Invocation invocation) {
        List<String> args = invocation.positionals("ID", "USER");
        var store = invocation.connections().store();
        Connection updated = share ? store.share(args.get(0), invocation.principal(), args.get(1))
                : store.unshare(args.get(0), invocation.principal(), args.get(1));
        if (invocation.json()) {
            invocation.out().println(Json.write(Views.connection(updated)));
        } else {
            invocation.out().printf("%s %s with %s; shared with: %s%n", share ? "Shared" : "Stopped sharing",
                    updated.id(), args.get(1),
                    updated.sharedWith().isEmpty() ? "nobody" : String.join(", ", Views.sorted(updated.sharedWith())));
        }
        return Invocation.OK;
    }
}
