package dev.keyway.connections.api;

import dev.keyway.api.ApiException;
import dev.keyway.api.ApiHandler;
import dev.keyway.api.ApiResponse;
import dev.keyway.api.ApiRoute;
import dev.keyway.api.ApiRoutes;
import dev.keyway.api.KeywayException;
import dev.keyway.connections.ConnectionsRuntime;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.pf4j.Extension;

/**
 * The plugin's REST API under {@code /api}: connections and the provider catalogue. The host
 * authenticates every call first; these handlers see the caller as {@code request.principal()}.
 * Services are looked up per request, so the routes work across plugin restarts.
 */
@Extension
public final class ConnectionsApi implements ApiRoutes {

    private final Supplier<ConnectionsRuntime> runtime;

    /** Used by PF4J: the running plugin's services. */
    public ConnectionsApi() {
        this(ConnectionsApi::running);
    }

    /** For tests: services from anywhere. */
    public ConnectionsApi(Supplier<ConnectionsRuntime> runtime) {
        this.runtime = runtime;
    }

    @Override
    public List<ApiRoute> routes() {
        ConnectionQueries queries = new ConnectionQueries(runtime);
        ConnectionCreation creation = new ConnectionCreation(runtime);
        ConnectionChanges changes = new ConnectionChanges(runtime);
        return List.of(
                route("GET", "/connections", "List your connections and those shared with you", queries::list),
                route("POST", "/connections/api-key", "Create a connection from an API key", creation::apiKey),
                route("POST", "/connections/credentials", "Create a connection from several credential fields",
                        creation::credentials),
                route("GET", "/connections/{id}", "Get a connection (never its credentials)", queries::get),
                route("PATCH", "/connections/{id}", "Update a connection or rotate its credentials", changes::update),
                route("DELETE", "/connections/{id}", "Delete a connection and its credentials (OAuth tokens are "
                        + "revoked first)", changes::delete),
                route("POST", "/connections/{id}/test", "Test a connection's credentials against its provider",
                        changes::test),
                route("POST", "/connections/{id}/shares", "Share a connection with a user", changes::share),
                route("DELETE", "/connections/{id}/shares/{user}", "Stop sharing a connection with a user",
                        changes::unshare),
                route("GET", "/connections/{id}/usage", "The connection's usage trail, newest first", queries::usage),
                route("GET", "/providers", "The provider catalogue: what each provider needs", request ->
                        ApiResponse.ok(Map.of("providers", runtime.get().connections().catalogue().all().stream()
                                .map(ProviderView::of).toList()))));
    }

    /** A stopped plugin is a temporary condition of the server, not a server bug: 503, not 500. */
    private static ConnectionsRuntime running() {
        try {
            return ConnectionsRuntime.require();
        } catch (KeywayException e) {
            throw new ApiException(503, "unavailable", "%s", e.getMessage());
        }
    }

    private static ApiRoute route(String method, String path, String summary, ApiHandler handler) {
        return ApiRoute.of(method, path, summary, ApiErrors.guard(handler));
    }
}
