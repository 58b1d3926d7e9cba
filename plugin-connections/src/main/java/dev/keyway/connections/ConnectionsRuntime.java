package dev.keyway.connections;

import dev.keyway.api.HostContext;
import dev.keyway.api.KeywayException;
import dev.keyway.connections.http.ConnectionTester;
import dev.keyway.connections.http.CredentialInjector;
import dev.keyway.connections.http.HttpSettings;
import dev.keyway.connections.http.SafeHttpClient;
import dev.keyway.connections.nodes.NodeServices;
import dev.keyway.connections.oauth.OAuthServices;
import dev.keyway.connections.oauth.RefreshingResolver;
import dev.keyway.connections.providers.ProviderCatalogue;
import dev.keyway.connections.service.ConnectionService;
import dev.keyway.connections.service.StoreConnectionResolver;
import dev.keyway.connections.service.UsageRecorder;
import dev.keyway.connections.store.ConnectionStore;
import dev.keyway.connections.store.JdbcConnectionStore;
import dev.keyway.connections.store.StoreOptions;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Everything the plugin runs on while started: the encrypted store, the provider catalogue, the
 * one HTTP client and the services over them. PF4J builds extensions with no-argument
 * constructors, so extensions reach the running instance through {@link #require()}; the
 * holder is per plugin class loader, hence per loaded plugin.
 */
public final class ConnectionsRuntime implements AutoCloseable {

    private static final AtomicReference<ConnectionsRuntime> CURRENT = new AtomicReference<>();

    private final ConnectionStore store;
    private final SafeHttpClient http;
    private final NodeServices nodes;
    private final ConnectionService connections;
    private final OAuthServices oauth;
    private final HostContext host;
    private final UsageRecorder usage;

    private ConnectionsRuntime(HostContext host, ConnectionStore store, SafeHttpClient http, ProviderCatalogue catalogue) {
        this.host = host;
        this.store = store;
        this.http = http;
        CredentialInjector injector = new CredentialInjector();
        this.usage = new UsageRecorder(store);
        this.oauth = OAuthServices.create(host, store, catalogue, http);
        // OAuth connections are refreshed on their way to the nodes; others pass straight through.
        this.nodes = new NodeServices(catalogue, new RefreshingResolver(
                new StoreConnectionResolver(store, host.clock(), usage::record), store, oauth.refresher()), http, injector);
        this.connections = new ConnectionService(store, catalogue, new ConnectionTester(http, injector), host.clock(),
                usage::flush);
    }

    /** Opens the store (checking the master key) and the HTTP client; nothing is left open on failure. */
    public static ConnectionsRuntime open(HostContext host) {
        ProviderCatalogue catalogue = ProviderCatalogue.builtIn();
        ConnectionStore store = JdbcConnectionStore.open(
                StoreOptions.fromSettings(host.dataDirectory(), host::setting, System.getenv()).withClock(host.clock()));
        try {
            return new ConnectionsRuntime(host, store, new SafeHttpClient(HttpSettings.defaults()), catalogue);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    static void install(ConnectionsRuntime runtime) {
        Optional.ofNullable(CURRENT.getAndSet(runtime)).ifPresent(ConnectionsRuntime::close);
    }

    static Optional<ConnectionsRuntime> uninstall() {
        return Optional.ofNullable(CURRENT.getAndSet(null));
    }

    /** The running instance; fails with a clear message when the plugin is not started. */
    public static ConnectionsRuntime require() {
        ConnectionsRuntime runtime = CURRENT.get();
        if (runtime == null) {
            throw new KeywayException("the connections plugin is not started; check 'keyway plugins' and the log");
        }
        return runtime;
    }

    public ConnectionService connections() {
        return connections;
    }

    public OAuthServices oauth() {
        return oauth;
    }

    public NodeServices nodes() {
        return nodes;
    }

    public ConnectionStore store() {
        return store;
    }

    public HostContext host() {
        return host;
    }

    /** The usage trail's writer; {@link UsageRecorder#flush()} waits for queued uses. */
    public UsageRecorder usage() {
        return usage;
    }

    /**
     * Closes the HTTP client (its threads end), writes the queued usage trail, and closes the
     * store (the embedded database shuts down).
     */
    @Override
    public void close() {
        try {
            http.close();
            usage.close();
        } finally {
            store.close();
        }
    }
}
