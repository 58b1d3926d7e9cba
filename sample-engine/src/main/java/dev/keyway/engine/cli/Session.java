package dev.keyway.engine.cli;

import dev.keyway.engine.Engine;
import dev.keyway.engine.exec.LiveSecrets;
import dev.keyway.engine.logging.LogMasks;
import dev.keyway.engine.plugins.HostSettings;
import dev.keyway.engine.plugins.PluginHost;
import dev.keyway.engine.plugins.PluginNodeCatalog;
import dev.keyway.engine.record.FileRecordStore;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The engine as one CLI command uses it: settings, started plugins, their node types and the
 * engine over them. Closed when the command ends: plugins stop, node threads end.
 */
final class Session implements AutoCloseable {

    private final KeywayHome home;
    private final HostSettings settings;
    private final PluginHost plugins;
    private final PluginNodeCatalog catalog;
    private final ExecutorService pool;
    private final Engine engine;

    private Session(KeywayHome home, HostSettings settings, PluginHost plugins) {
        this.home = home;
        this.settings = settings;
        this.plugins = plugins;
        this.catalog = new PluginNodeCatalog(plugins);
        AtomicInteger threads = new AtomicInteger();
        this.pool = Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(r, "keyway-node-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.engine = new Engine(catalog, new FileRecordStore(home.records()), pool);
    }

    static Session open(KeywayHome home, Map<String, String> environment) {
        LogMasks.install(LiveSecrets::scrub);
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

    PluginNodeCatalog catalog() {
        return catalog;
    }

    Engine engine() {
        return engine;
    }

    @Override
    public void close() {
        pool.shutdown();
        try {
            pool.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        plugins.close();
        engine.records().close();
    }
}
