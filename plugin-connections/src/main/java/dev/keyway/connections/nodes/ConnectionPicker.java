package dev.keyway.connections.nodes;

import dev.keyway.api.Option;
import dev.keyway.api.OptionsProvider;
import dev.keyway.api.OptionsQuery;
import dev.keyway.connections.providers.Provider;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import org.pf4j.Extension;

/**
 * The {@code connections} picker: the connections the caller may use in the environment, as
 * {@code provider/Display Name} values so a pattern runs unchanged across environments, with the
 * id in the detail line.
 */
@Extension
public final class ConnectionPicker implements OptionsProvider {

    private final Supplier<NodeServices> services;

    /** Used by PF4J; services come from {@link NodeServicesRegistry}. */
    public ConnectionPicker() {
        this(NodeServicesRegistry::require);
    }

    public ConnectionPicker(Supplier<NodeServices> services) {
        this.services = services;
    }

    @Override
    public String pickerId() {
        return ConnectionReference.PICKER;
    }

    @Override
    public List<Option> options(OptionsQuery query) {
        NodeServices runtime = services.get();
        List<Option> options = new ArrayList<>();
        runtime.resolver().list(query.principal(), query.environment()).stream()
                .sorted(Comparator.comparing(ConnectionSummary::provider).thenComparing(ConnectionSummary::displayName))
                .forEach(c -> {
                    String provider = runtime.catalogue().find(c.provider()).map(Provider::displayName).orElse(c.provider());
                    options.add(new Option(c.provider() + "/" + c.displayName(), c.displayName(),
                            provider + " · " + c.type() + " · " + c.id(), c.status(), c.tags()));
                });
        return options;
    }
}
