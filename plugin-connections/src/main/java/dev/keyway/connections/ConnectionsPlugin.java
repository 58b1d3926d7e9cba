package dev.keyway.connections;

import dev.keyway.api.HostAware;
import dev.keyway.api.HostContext;
import org.pf4j.Plugin;

/**
 * The PF4J entry point. A Keyway host attaches its {@link HostContext} before start; a plain
 * PF4J host does not, and the plugin then falls back to {@code ~/.keyway} defaults.
 */
public class ConnectionsPlugin extends Plugin implements HostAware {

    private volatile HostContext host;

    @Override
    public void attach(HostContext host) {
        this.host = host;
    }

    @Override
    public void start() {
        // Wired to the connection store in a later slice.
    }

    @Override
    public void stop() {
    }

    HostContext host() {
        return host;
    }
}
