package dev.keyway.connections.nodes;

import dev.keyway.api.NodeException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Hands the plugin's {@link NodeServices} to node instances that PF4J creates with their no-arg
 * constructors. The plugin calls {@link #install} in {@code start()} and {@link #uninstall} in
 * {@code stop()} (then closes the HTTP client it got back). Static because PF4J gives extensions
 * no other channel to their plugin; it lives in the plugin's class loader, so each loaded copy of
 * the plugin has its own.
 */
public final class NodeServicesRegistry {

    private static final AtomicReference<NodeServices> CURRENT = new AtomicReference<>();

    private NodeServicesRegistry() {
    }

    /** Makes {@code services} current, replacing (and returning) any earlier ones for the caller to close. */
    public static Optional<NodeServices> install(NodeServices services) {
        return Optional.ofNullable(CURRENT.getAndSet(services));
    }

    /** Removes the current services and returns them so the caller can close their HTTP client. */
    public static Optional<NodeServices> uninstall() {
        return Optional.ofNullable(CURRENT.getAndSet(null));
    }

    /**
     * @throws NodeException {@code connections_unavailable} when the plugin is not started
     */
    public static NodeServices require() {
        NodeServices services = CURRENT.get();
        if (services == null) {
            throw new NodeException("connections_unavailable", "the connections plugin is not started; start it "
                    + "(or restart the engine) and run the pattern again");
        }
        return services;
    }
}
