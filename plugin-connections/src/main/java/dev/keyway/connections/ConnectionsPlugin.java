package dev.keyway.connections;

import dev.keyway.api.HostAware;
import dev.keyway.api.HostContext;
import dev.keyway.connections.nodes.NodeServicesRegistry;
import org.pf4j.Plugin;

/**
 * The PF4J entry point. A Keyway host attaches its {@link HostContext} before start; a plain
 * PF4J host does not, and the plugin then uses {@code $KEYWAY_HOME} (default {@code ~/.keyway})
 * and {@code KEYWAY_*} settings.
 *
 * <p>Start opens the encrypted store (a wrong master key fails the start, with the reason, and
 * changes nothing) and installs what the nodes, commands and routes share; stop closes it all,
 * leaving no thread and no open file behind.
 */
public class ConnectionsPlugin extends Plugin implements HostAware {

    static final String ID = "keyway-connections";

    private volatile HostContext host;

    @Override
    public void attach(HostContext host) {
        this.host = host;
    }

    @Override
    public void start() {
        HostContext context = host != null ? host : StandaloneHostContext.create(ID);
        ConnectionsRuntime runtime = ConnectionsRuntime.open(context);
        ConnectionsRuntime.install(runtime);
        NodeServicesRegistry.install(runtime.nodes());
    }

    @Override
    public void stop() {
        NodeServicesRegistry.uninstall();
        ConnectionsRuntime.uninstall().ifPresent(ConnectionsRuntime::close);
    }
}
