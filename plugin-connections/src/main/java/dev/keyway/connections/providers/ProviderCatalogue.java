package dev.keyway.connections.providers;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The known providers, read once from {@code providers.json} on the plugin's class path.
 * Immutable and safe to share between threads.
 */
public final class ProviderCatalogue {

    /** Where the catalogue lives on the plugin's class path. */
    public static final String RESOURCE = "/providers.json";

    private final Map<String, Provider> byId;

    private ProviderCatalogue(List<Provider> providers) {
        Map<String, Provider> map = new LinkedHashMap<>();
        providers.forEach(provider -> map.put(provider.id(), provider));
        this.byId = java.util.Collections.unmodifiableMap(map);
    }

    /**
     * Loads the catalogue shipped with the plugin.
     *
     * @throws CatalogueException when an entry is invalid
     */
    public static ProviderCatalogue builtIn() {
        try (InputStream in = ProviderCatalogue.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the plugin; rebuild the plugin zip");
            }
            return load(in, "providers.json");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Loads a catalogue document.
     *
     * @param source names the document in error messages
     * @throws CatalogueException listing every problem with its JSON pointer
     */
    public static ProviderCatalogue load(InputStream in, String source) {
        return new ProviderCatalogue(ProviderLoader.load(in, source));
    }

    public Optional<Provider> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public Collection<Provider> all() {
        return byId.values();
    }
}
