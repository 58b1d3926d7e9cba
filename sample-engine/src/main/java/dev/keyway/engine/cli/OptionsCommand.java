package dev.keyway.engine.cli;

import dev.keyway.api.Option;
import dev.keyway.api.OptionsQuery;
import dev.keyway.api.support.UsageException;
import dev.keyway.engine.Engine;
import dev.keyway.engine.plugins.Pickers;
import java.util.List;

/** {@code keyway options NODE_TYPE PROPERTY}: what the caller may pick for a property. */
final class OptionsCommand implements HostCommand {

    @Override
    public String name() {
        return "options";
    }

    @Override
    public String summary() {
        return "list the values you may pick for a node property (e.g. saved credentials)";
    }

    @Override
    public String usage() {
        return """
                Usage: keyway options NODE_TYPE PROPERTY [--env ENV] [--user USER] [--json]

                Lists what USER may choose in ENV for a property declared with a picker, e.g.
                'keyway options acme.http-call account' lists the accounts you may use.""";
    }

    @Override
    public int run(Invocation invocation) {
        List<String> args = invocation.args().positionals();
        if (args.size() != 2) {
            throw new UsageException("name a node type and one of its properties");
        }
        Session session = invocation.session();
        List<Option> options = new Pickers(session.catalog(), session.plugins())
                .options(new OptionsQuery(args.get(0), args.get(1), invocation.principal(), invocation.environment()));
        if (invocation.json()) {
            invocation.out().println(Engine.toJson(options));
        } else if (options.isEmpty()) {
            invocation.out().printf("Nothing to pick for %s in %s.%n", invocation.principal().user(), invocation.environment());
        } else {
            for (Option option : options) {
                invocation.out().printf("%-36s %-10s %s%s%n", option.value(), option.status(), option.label(),
                        option.detail().isEmpty() ? "" : "  (" + option.detail() + ")");
            }
        }
        return Cli.OK;
    }
}
