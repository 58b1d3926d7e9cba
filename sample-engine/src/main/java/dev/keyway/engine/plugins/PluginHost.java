package dev.keyway.engine.plugins;

import dev.keyway.api.HostAware;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.pf4j.DefaultPluginFactory;
import org.pf4j.DefaultPluginManager;
import org.pf4j.Plugin;
import org.pf4j.PluginFactory;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads and runs the plugins found in one or more folders with a real PF4J plugin manager.
 * Each plugin gets a {@link dev.keyway.api.HostContext} with its own data folder before it starts,
 * and starts and stops with its own class loader as the thread context class loader.
 */
public final class PluginHost implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PluginHost.class);

    private final DefaultPluginManager manager;

    private PluginHost(DefaultPluginManager manager) {
        this.manager = manager;
    }

    /**
     * Loads every plugin (zip or folder) under {@code pluginRoots} and starts it.
     *
     * @param pluginRoots folders to scan; missing ones are skipped
     * @param dataRoot    each plugin gets {@code dataRoot/<plugin id>} as its data folder
     */
    public static PluginHost start(List<Path> pluginRoots, Path dataRoot, HostSettings settings, Clock clock) {
        Objects.requireNonNull(settings, "settings");
        List<Path> existing = pluginRoots.stream().filter(Files::isDirectory).toList();
        DefaultPluginManager manager = new DefaultPluginManager(existing) {
            @Override
            protected PluginFactory createPluginFactory() {
                return new AttachingPluginFactory(dataRoot, settings, clock);
            }
        };
        PluginHost host = new PluginHost(manager);
        if (!existing.isEmpty()) {
            manager.loadPlugins();
            for (PluginWrapper plugin : manager.getResolvedPlugins()) {
                ContextClassLoader.run(plugin.getPluginClassLoader(), () -> manager.startPlugin(plugin.getPluginId()));
                if (plugin.getPluginState() == PluginState.FAILED) {
                    LOG.error("plugin {} failed to start: {}", plugin.getPluginId(), describe(plugin.getFailedException()));
                }
            }
        }
        return host;
    }

    /** Started extensions of {@code type}, each paired with the class loader of the plugin it came from. */
    public <T> List<Contributed<T>> extensions(Class<T> type) {
        List<Contributed<T>> result = new ArrayList<>();
        for (PluginWrapper plugin : manager.getStartedPlugins()) {
            ClassLoader loader = plugin.getPluginClassLoader();
            List<T> found = ContextClassLoader.call(loader, () -> manager.getExtensions(type, plugin.getPluginId()));
            for (T extension : found) {
                result.add(new Contributed<>(plugin.getPluginId(), loader, extension));
            }
        }
        // Extensions that live on the host's own class path (tests, embedding hosts).
        for (T extension : manager.getExtensions(type, null)) {
            result.add(new Contributed<>("host", PluginHost.class.getClassLoader(), extension));
        }
        return result;
    }

    public List<PluginInfo> plugins() {
        return manager.getPlugins().stream()
                .map(p -> new PluginInfo(p.getPluginId(), p.getDescriptor().getVersion(),
                        p.getPluginState().toString().toLowerCase(java.util.Locale.ROOT),
                        String.valueOf(p.getPluginPath()),
                        p.getFailedException() == null ? "" : describe(p.getFailedException())))
                .toList();
    }

    /** The underlying manager, for tests and tools. */
    public DefaultPluginManager manager() {
        return manager;
    }

    /** Stops every plugin (each with its own context class loader) and unloads it. */
    @Override
    public void close() {
        List<PluginWrapper> started = new ArrayList<>(manager.getStartedPlugins());
        java.util.Collections.reverse(started);
        for (PluginWrapper plugin : started) {
            try {
                ContextClassLoader.run(plugin.getPluginClassLoader(), () -> manager.stopPlugin(plugin.getPluginId()));
            } catch (RuntimeException e) {
                LOG.warn("plugin {} did not stop cleanly: {}", plugin.getPluginId(), describe(e));
            }
        }
        manager.unloadPlugins();
    }

    private static String describe(Throwable failure) {
        if (failure == null) {
            return "unknown reason";
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == failure ? String.valueOf(failure.getMessage())
                : failure.getMessage() + " (caused by " + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
    }

    /**
     * An extension with where it came from.
     *
     * @param pluginId    the contributing plugin, or {@code host}
     * @param classLoader the loader to set as context class loader around calls into it
     * @param extension   the instance
     */
    public record Contributed<T>(String pluginId, ClassLoader classLoader, T extension) {
    }

    /** Hands a {@link dev.keyway.api.HostContext} to plugins that ask for one. */
    private static final class AttachingPluginFactory extends DefaultPluginFactory {
        private final Path dataRoot;
        private final HostSettings settings;
        private final Clock clock;

        AttachingPluginFactory(Path dataRoot, HostSettings settings, Clock clock) {
            this.dataRoot = dataRoot;
            this.settings = settings;
            this.clock = clock;
        }

        @Override
        public Plugin create(PluginWrapper wrapper) {
            Plugin plugin = super.create(wrapper);
            if (plugin instanceof HostAware aware) {
                Path dataDirectory = dataRoot.resolve(wrapper.getPluginId());
                try {
                    Files.createDirectories(dataDirectory);
                } catch (IOException e) {
                    throw new HostException(e, "cannot create data folder %s for plugin %s: %s",
                            dataDirectory, wrapper.getPluginId(), e.getMessage());
                }
                aware.attach(new DefaultHostContext(dataDirectory, settings, clock));
            }
            return plugin;
        }
    }
}
