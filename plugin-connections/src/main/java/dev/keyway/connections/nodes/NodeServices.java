package dev.keyway.connections.nodes;

import dev.keyway.connections.http.CredentialInjector;
import dev.keyway.connections.http.SafeHttpClient;
import dev.keyway.connections.providers.ProviderCatalogue;
import java.util.Objects;

/**
 * What the connection nodes need at run time, built by the plugin at start.
 *
 * @param catalogue the provider catalogue
 * @param resolver  finds connections (the encrypted store, once wired)
 * @param http      the plugin's one HTTP client; its owner (the plugin) closes it at stop
 * @param injector  turns connection fields into request credentials
 */
public record NodeServices(
        ProviderCatalogue catalogue, ConnectionResolver resolver, SafeHttpClient http, CredentialInjector injector) {

    public NodeServices {
        Objects.requireNonNull(catalogue, "catalogue");
        Objects.requireNonNull(resolver, "resolver");
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(injector, "injector");
    }

    public NodeServices(ProviderCatalogue catalogue, ConnectionResolver resolver, SafeHttpClient http) {
        this(catalogue, resolver, http, new CredentialInjector());
    }
}
