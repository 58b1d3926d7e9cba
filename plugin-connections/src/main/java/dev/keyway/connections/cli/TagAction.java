package dev.keyway.connections.cli;

import dev.keyway.connections.store.Connection;
import dev.keyway.connections.store.ConnectionUpdate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** {@code connections tag|untag ID TAG...}: adds or removes tags, the shortcut for {@code update --tag}. */
final class TagAction implements Action {

    private final boolean add;

    TagAction(boolean add) {
        this.add = add;
    }

    @Override
    public String name() {
        return add ? "tag" : "untag";
    }

    @Override
    public String summary() {
        return add ? "add tags to a connection" : "remove tags from a connection";
    }

    @Override
    public String help() {
        return "Usage: keyway connections " + name() + " ID TAG...\n\n"
                + (add ? "Adds each TAG; filter on them with 'keyway connections list --tag TAG'."
                       : "Removes each TAG; tags it does not have are ignored.")
                + "\n\nExamples:\n  keyway connections " + name() + " conn_3kTm9x... ops prod-critical";
    }

    @Override
    public int run(Invocation invocation) {
        List<String> args = invocation.positionals("ID", "TAG...");
        Connection current = invocation.connection(args.get(0));
        Set<String> tags = new TreeSet<>(current.tags());
        List<String> given = args.subList(1, args.size());
        if (add) {
            tags.addAll(given);
        } else {
            given.forEach(tags::remove);
        }
        Connection updated = invocation.connections().store().update(current.id(), invocation.principal(),
                ConnectionUpdate.none().withTags(tags).expectingRowVersion(current.rowVersion()));
        if (invocation.json()) {
            invocation.out().println(Json.write(Views.connection(updated)));
        } else {
            invocation.out().printf("Tags of %s: %s%n", updated.id(),
                    updated.tags().isEmpty() ? "none" : String.join(", ", Views.sorted(updated.tags())));
        }
        return Invocation.OK;
    }
}
