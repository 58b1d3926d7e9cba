package dev.keyway.engine.cli;

import dev.keyway.engine.Engine;
import dev.keyway.engine.plugins.PluginInfo;
import java.util.List;

/** {@code keyway plugins}: what was loaded, from where, and whether it started. */
final class PluginsCommand implements HostCommand {

    @Override
    public String name() {
        return "plugins";
    }

    @Override
    public String summary() {
        return "list the loaded plugins and their state";
    }

    @Override
    public String usage() {
        return """
                Usage: keyway plugins [--json]

                Lists the plugins found in KEYWAY_HOME/plugins and the distribution's plugins/ folder
                (or the --plugins folders), with their version and state.""";
    }

    @Override
    public int run(Invocation invocation) {
        List<PluginInfo> plugins = invocation.session().plugins().plugins();
        if (invocation.json()) {
            invocation.out().println(Engine.toJson(plugins));
        } else if (plugins.isEmpty()) {
            invocation.out().println("No plugins found in " + invocation.session().home().pluginFolders());
        } else {
            for (PluginInfo plugin : plugins) {
                invocation.out().printf("%-24s %-16s %-9s %s%n", plugin.id(), plugin.version(), plugin.state(),
                        plugin.failure().isEmpty() ? plugin.path() : plugin.failure());
            }
        }
        return plugins.stream().anyMatch(p -> p.state().equals("failed")) ? Cli.FAILED : Cli.OK;
    }
}
