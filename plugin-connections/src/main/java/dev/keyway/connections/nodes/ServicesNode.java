package dev.keyway.connections.nodes;

import dev.keyway.api.NodeSpec;
import dev.keyway.api.NodeType;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A node type that runs on the plugin's shared services. PF4J builds extensions with their
 * no-argument constructor, which reaches the services through {@link NodeServicesRegistry}; tests
 * hand them in directly.
 */
abstract class ServicesNode implements NodeType {

    private final NodeSpec spec;
    private final Supplier<NodeServices> services;

    ServicesNode(NodeSpec spec, Supplier<NodeServices> services) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.services = Objects.requireNonNull(services, "services");
    }

    @Override
    public final NodeSpec spec() {
        return spec;
    }

    /** The services of the running plugin, looked up per execution. */
    final NodeServices services() {
        return services.get();
    }
}
