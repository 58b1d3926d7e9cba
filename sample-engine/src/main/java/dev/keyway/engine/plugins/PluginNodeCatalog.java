package dev.keyway.engine.plugins;

import dev.keyway.api.NodeContext;
import dev.keyway.api.NodeSpec;
import dev.keyway.api.NodeType;
import dev.keyway.engine.NodeCatalog;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node types of the started plugins. Specs are read once; each node runs with its plugin's
 * class loader as the thread context class loader.
 */
public final class PluginNodeCatalog implements NodeCatalog {

    private static final Logger LOG = LoggerFactory.getLogger(PluginNodeCatalog.class);

    private final Map<String, NodeType> types;
    private final Map<String, String> sources;
    private final List<NodeSpec> specs;

    public PluginNodeCatalog(PluginHost host) {
        Map<String, NodeType> found = new LinkedHashMap<>();
        Map<String, String> from = new LinkedHashMap<>();
        for (PluginHost.Contributed<NodeType> contributed : host.extensions(NodeType.class)) {
            NodeSpec spec = ContextClassLoader.call(contributed.classLoader(), contributed.extension()::spec);
            String previous = from.putIfAbsent(spec.type(), contributed.pluginId());
            if (previous != null) {
                LOG.error("node type {} is contributed by both {} and {}; using the one from {}. Remove one of the plugins.",
                        spec.type(), previous, contributed.pluginId(), previous);
                continue;
            }
            found.put(spec.type(), new InPluginNode(contributed.extension(), spec, contributed.classLoader()));
        }
        this.types = Map.copyOf(found);
        this.sources = Map.copyOf(from);
        this.specs = found.values().stream().map(NodeType::spec).sorted(Comparator.comparing(NodeSpec::type)).toList();
    }

    @Override
    public Optional<NodeType> find(String type) {
        return Optional.ofNullable(types.get(type));
    }

    @Override
    public List<NodeSpec> specs() {
        return specs;
    }

    /** The plugin that contributes a node type. */
    public Optional<String> pluginOf(String type) {
        return Optional.ofNullable(sources.get(type));
    }

    /** A plugin's node with its spec read once and its calls made under the plugin's class loader. */
    private record InPluginNode(NodeType delegate, NodeSpec spec, ClassLoader loader) implements NodeType {

        @Override
        public Map<String, Object> execute(NodeContext context) {
            return ContextClassLoader.call(loader, () -> delegate.execute(context));
        }
    }
}
