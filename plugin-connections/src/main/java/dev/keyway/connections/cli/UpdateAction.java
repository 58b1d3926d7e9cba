package dev.keyway.connections.cli;

import dev.keyway.api.Secret;
import dev.keyway.api.support.UsageException;
import dev.keyway.connections.providers.Provider;
import dev.keyway.connections.store.Connection;
import dev.keyway.connections.store.ConnectionUpdate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code connections update ID}: metadata and, with {@code --rotate}, new credentials under the same
 * id, so every pattern that uses the connection picks up the new key at its next run.
 */
final class UpdateAction implements Action {

    @Override
    public String name() {
        return "update";
    }

    @Override
    public String summary() {
        return "change a connection's label, tags, hosts or settings; --rotate replaces its secrets";
    }

    @Override
    public Set<String> valued() {
        Set<String> valued = new HashSet<>(FieldInput.VALUED);
        valued.addAll(Set.of("display-name", "tag", "untag", "base-url", "allowed-host"));
        return valued;
    }

    @Override
    public Set<String> flags() {
        Set<String> flags = new HashSet<>(FieldInput.FLAGS);
        flags.add("rotate");
        return flags;
    }

    @Override
    public String help() {
        return """
                Usage: keyway connections update ID [OPTIONS]

                Changes a connection you own. Patterns keep referring to the same id, so a rotated key is
                used by every pattern at its next run without editing any of them.

                Options:
                  --display-name NAME   a new label
                  --tag TAG             add a tag (repeatable)
                  --untag TAG           remove a tag (repeatable)
                  --base-url URL        a new API root for a self-hosted instance
                  --allowed-host HOST   replace the extra allowed hosts (repeatable)
                  --rotate              key rotation: prompt for every required secret field again (or read
                                        them with --fields-from-stdin) and replace the stored values
                """ + FieldInput.HELP + """

                New secret values also replace the environment secrets seeded from them (same names, same
                environments), so patterns that read SLACK_API_KEY and the like get the new key too.

                Examples:
                  keyway connections update conn_3kTm9x... --display-name "Slack - Ops" --tag ops --untag old
                  printf '%s\\n' "$NEW_TOKEN" | keyway connections update conn_3kTm9x... --rotate
                  keyway connections update conn_8Jq2... --field user-email=new@acme.com""";
    }

    @Override
    public int run(Invocation invocation) {
        String id = invocation.positionals("ID").get(0);
        Connection current = invocation.connection(id);
        Provider provider = Providers.find(invocation.connections().catalogue(), current.provider());
        List<String> changed = new ArrayList<>();
        // Optimistic: if someone else changed it since we read it, fail rather than undo their change.
        ConnectionUpdate update = ConnectionUpdate.none().expectingRowVersion(current.rowVersion());
        if (invocation.args().option("display-name").isPresent()) {
            update = update.withDisplayName(invocation.args().option("display-name").get());
            changed.add("display name");
        }
        List<String> added = invocation.args().all("tag");
        List<String> removed = invocation.args().all("untag");
        if (!added.isEmpty() || !removed.isEmpty()) {
            Set<String> tags = new TreeSet<>(current.tags());
            tags.addAll(added);
            removed.forEach(tags::remove);
            update = update.withTags(tags);
            changed.add("tags");
        }
        if (invocation.args().option("base-url").isPresent()) {
            update = update.withBaseUrl(invocation.args().option("base-url").get());
            changed.add("base URL");
        }
        if (!invocation.args().all("allowed-host").isEmpty()) {
            update = update.withAllowedHosts(invocation.args().all("allowed-host"));
            changed.add("allowed hosts");
        }
        Map<String, Secret> fields = FieldInput.collect(invocation, provider, invocation.args().flag("rotate"));
        if (!fields.isEmpty()) {
            changed.add("fields " + new TreeSet<>(fields.keySet()));
        }
        if (changed.isEmpty()) {
            throw new UsageException("nothing to change; give --display-name, --tag, --untag, --base-url, "
                    + "--allowed-host, --field or --rotate");
        }
        Connection updated = invocation.connections().update(id, invocation.principal(), update, fields);
        if (invocation.json()) {
            invocation.out().println(Json.write(Views.connection(updated)));
        } else {
            invocation.out().printf("Updated %s: %s.%n", updated.id(), String.join(", ", changed));
        }
        return Invocation.OK;
    }
}
