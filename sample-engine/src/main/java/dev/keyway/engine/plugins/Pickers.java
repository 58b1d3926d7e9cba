package dev.keyway.engine.plugins;

import dev.keyway.api.FieldSpec;
import dev.keyway.api.KeywayException;
import dev.keyway.api.NodeSpec;
import dev.keyway.api.Option;
import dev.keyway.api.OptionsProvider;
import dev.keyway.api.OptionsQuery;
import dev.keyway.engine.NodeCatalog;
import java.util.List;

/**
 * Answers "what may I put in this property?" for properties declared with a picker, through the
 * {@link OptionsProvider} that the plugins contribute for that picker id.
 */
public final class Pickers {

    private final NodeCatalog catalog;
    private final java.util.Map<String, PluginHost.Contributed<OptionsProvider>> providers = new java.util.HashMap<>();

    public Pickers(NodeCatalog catalog, PluginHost host) {
        this.catalog = catalog;
        // Picker ids are read once; the first plugin to claim an id serves it.
        for (PluginHost.Contributed<OptionsProvider> provider : host.extensions(OptionsProvider.class)) {
            providers.putIfAbsent(ContextClassLoader.call(provider.classLoader(), provider.extension()::pickerId), provider);
        }
    }

    /**
     * @throws NotFound when the node type or property does not exist
     * @throws KeywayException when the property has no picker, or no plugin serves its picker
     */
    public List<Option> options(OptionsQuery query) {
        NodeSpec spec = catalog.find(query.nodeType()).map(t -> t.spec())
                .orElseThrow(() -> new NotFound("no node type '%s'", query.nodeType()));
        FieldSpec field = spec.property(query.property()).or(() -> spec.input(query.property()))
                .orElseThrow(() -> new NotFound("node type %s has no property '%s'", query.nodeType(), query.property()));
        String picker = field.pickerIfAny().orElseThrow(() -> new KeywayException(
                "property '%s' of %s has no picker; any value of type %s is accepted",
                query.property(), query.nodeType(), field.type().id()));
        PluginHost.Contributed<OptionsProvider> provider = java.util.Optional.ofNullable(providers.get(picker))
                .orElseThrow(() -> new KeywayException("no loaded plugin serves the picker '%s'; see 'keyway plugins'", picker));
        return ContextClassLoader.call(provider.classLoader(), () -> provider.extension().options(query));
    }

    /** The node type or property asked about does not exist. */
    public static final class NotFound extends KeywayException {
        private static final long serialVersionUID = 1L;

        NotFound(String format, Object... args) {
            super(format, args);
        }
    }
}
