package dev.keyway.connections.cli;

import dev.keyway.api.support.UsageException;
import dev.keyway.connections.providers.Provider;
import dev.keyway.connections.providers.ProviderCatalogue;

/** Looks a provider up for a command line, pointing at the catalogue listing when it is unknown. */
final class Providers {

    private Providers() {
    }

    static Provider find(ProviderCatalogue catalogue, String id) {
        return catalogue.find(id).orElseThrow(() -> new UsageException(
                "unknown provider '%s'; 'keyway connections providers' lists them", id));
    }
}
