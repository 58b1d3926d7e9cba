package dev.keyway.connections;

import dev.keyway.api.HostAware;
import dev.keyway.api.HostContext;
import dev.keyway.connections.http.HttpSettings;
import dev.keyway.connections.http.SafeHttpClient;
import dev.keyway.connections.nodes.NodeServices;
import dev.keyway.connections.nodes.NodeServicesRegistry;
import dev.keyway.connections.nodes.UnavailableResolver;
import dev.keyway.connections.providers.ProviderCatalogue;
import org.pf4j.Plugin;

/**
 * The PF4J entry point. A Keyway host attaches its {@link HostContext} before start; a plain
 * PF4J host does not, and the plugin then falls back to {@code ~/.keyway} defaults.
 *
 * <p>Start builds what the nodes share (catalogue, one HTTP client, connection resolver) and
 * installs it in {@link NodeServicesRegistry}; stop uninstalls it and closes the HTTP client,
 * which stops its threads.
 */
public class ConnectionsPlugin extends Plugin implements HostAware {

    private volatile HostContext host;

    @Override
    public void attach(HostContext host) {
        this.host = host;
    }

    @Override
    public void start() {
        // The resolver is replaced by the encrypted store once it is wired; until then nodes can
        // still use external (run-time) credentials.
        NodeServices services = new NodeServices(ProviderCatalogue.builtIn(), new UnavailableResolver(),
                new SafeHttpClient(HttpSettings.defaults()));
        NodeServicesRegistry.install(services).ifPresent(previous -> previous.http().close());
    }

    @Override
    public void stop() {
        NodeServicesRegistry.uninstall().ifPresent(services -> services.http().close());
    }

    HostContext host() {
        return host;
    }
}
