package dev.keyway.connections.cli;

import dev.keyway.connections.store.Connection;
import java.io.PrintWriter;

/** {@code connections show ID}: every piece of metadata, never a credential. */
final class ShowAction implements Action {

    @Override
    public String name() {
        return "show";
    }

    @Override
    public String summary() {
        return "show one connection's details (never its credentials)";
    }

    @Override
    public String help() {
        return """
                Usage: keyway connections show ID

                Shows a connection's metadata: provider, name, type, status and why, environment, owner,
                sharing, tags, base URL, allowed hosts and times. Credential values are never shown; to
                replace them use 'keyway connections update ID --rotate'.

                Examples:
                  keyway connections show conn_3kTm9x...
                  keyway --json connections show conn_3kTm9x...""";
    }

    @Override
    public int run(Invocation invocation) {
        Connection c = invocation.connection(invocation.positionals("ID").get(0));
        if (invocation.json()) {
            invocation.out().println(Json.write(Views.connection(c)));
            return Invocation.OK;
        }
        PrintWriter out = invocation.out();
        line(out, "ID", c.id());
        line(out, "Provider", c.provider());
        line(out, "Display name", c.displayName());
        line(out, "Type", c.type().id());
        line(out, "Status", Status.label(c.status()) + (c.status().reason() == null ? "" : " (" + c.status().reason() + ")"));
        line(out, "Last checked", Times.table(c.status().lastCheckedAt(), "never"));
        line(out, "Environment", c.environment());
        line(out, "Workspace", c.workspace());
        line(out, "Owner", c.owner());
        line(out, "Shared with", c.sharedWith().isEmpty() ? "nobody" : String.join(", ", Views.sorted(c.sharedWith())));
        line(out, "Tags", c.tags().isEmpty() ? "-" : String.join(", ", Views.sorted(c.tags())));
        line(out, "Scopes", c.scopes().isEmpty() ? "-" : String.join(" ", c.scopes()));
        line(out, "Base URL", c.baseUrl() == null ? "(provider default)" : c.baseUrl());
        line(out, "Allowed hosts", c.allowedHosts().isEmpty() ? "(provider default)" : String.join(", ", c.allowedHosts()));
        line(out, "Created", Times.table(c.createdAt(), "-"));
        line(out, "Updated", Times.table(c.updatedAt(), "-"));
        line(out, "Last used", Times.table(c.lastUsedAt(), "never"));
        if (c.credentialsExpireAt() != null) {
            line(out, "Expires", Times.table(c.credentialsExpireAt(), "-"));
        }
        line(out, "Credentials", "stored encrypted; never shown");
        return Invocation.OK;
    }

    private static void line(PrintWriter out, String label, String value) {
        out.printf("%-14s %s%n", label + ":", value);
    }
}
