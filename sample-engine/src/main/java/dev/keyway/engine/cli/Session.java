package dev.keyway.engine.cli;

import dev.keyway.engine.plugins.HostSettings;
import dev.keyway.engine.plugins.PluginHost;
import java.time.Clock;

/** The engine as one CLI command uses it: settings and started plugins. Closed when the command ends. */
final class Session implements AutoCloseable {

    private final KeywayHome home;
    private final HostSettings settings;
    private final PluginHost plugins;

    private Session(KeywayHome home, HostSettings settings, PluginHost plugins) {
        this.home = home;
        this.settings = settings;
        this.plugins = plugins;
    }

    static Session open(KeywayHome home, java.util.Map<String, String> environment) {
        HostSettings settings = HostSettings.load(home.root(), environment, System.getProperties());
        PluginHost plugins = PluginHost.start(home.pluginFolders(), home.data(), settings, Clock.systemUTC());
        return new Session(home, settings, plugins);
    }

    KeywayHome home() {
        return home;
    }

    HostSettings settings() {
        return settings;
    }

    PluginHost plugins() {
        return plugins;
    }

    @Override
    public void close() {
        plugins.close();
    }
}
