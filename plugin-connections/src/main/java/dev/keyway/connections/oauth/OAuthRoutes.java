package dev.keyway.connections.oauth;

import dev.keyway.api.ApiException;
import dev.keyway.api.ApiHandler;
import dev.keyway.api.ApiRequest;
import dev.keyway.api.ApiResponse;
import dev.keyway.api.ApiRoute;
import dev.keyway.api.ApiRoutes;
import dev.keyway.api.KeywayException;
import dev.keyway.connections.ConnectionsRuntime;
import dev.keyway.connections.api.ApiErrors;
import dev.keyway.connections.api.ConnectionView;
import dev.keyway.connections.api.JsonBody;
import dev.keyway.connections.store.Connection;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.pf4j.Extension;

/**
 * The OAuth endpoints under {@code /api}: start an authorization, the provider's callback (the
 * one unauthenticated route: its single-use state authenticates it), reconnect, and creating a
 * client credentials connection.
 */
@Extension
public final class OAuthRoutes implements ApiRoutes {

    /** Where the provider sends the browser back, below {@code /api}. */
    static final String CALLBACK_PATH = "/connections/oauth/callback";
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.-]+(:[0-9]{1,5})?|\\[[0-9A-Fa-f:.]+](:[0-9]{1,5})?");

    private static final Set<String> CLIENT_CREDENTIALS_FIELDS = Set.of("clientId", "clientSecret", "scopes",
            "displayName", "environment", "baseUrl");

    private final Supplier<ConnectionsRuntime> runtime;

    /** Used by PF4J: the running plugin's services. */
    public OAuthRoutes() {
        this(OAuthRoutes::running);
    }

    /** For tests: services from anywhere. */
    public OAuthRoutes(Supplier<ConnectionsRuntime> runtime) {
        this.runtime = runtime;
    }

    @Override
    public List<ApiRoute> routes() {
        return List.of(
                ApiRoute.of("GET", "/connections/oauth/{provider}/start", "Start connecting a provider with OAuth: "
                        + "redirects to its authorization page", guard(this::start)),
                new ApiRoute("GET", CALLBACK_PATH, false, "The OAuth provider's redirect back (authenticated by "
                        + "its single-use state)", guard(this::callback)),
                ApiRoute.of("POST", "/connections/{id}/reconnect", "Authorize an OAuth connection again; its tokens "
                        + "are replaced under the same id", guard(this::reconnect)),
                ApiRoute.of("POST", "/connections/oauth/{provider}/client-credentials", "Create a machine-to-machine "
                        + "OAuth connection (client credentials grant)", guard(this::clientCredentials)));
    }

    private ApiResponse start(ApiRequest request) {
        String environment = request.queryParam("environmentId").filter(v -> !v.isBlank())
                .orElse(request.environment());
        StartRequest start = new StartRequest(request.pathParams().get("provider"),
                request.queryParam("displayName").orElse(null), environment, scopes(request.query().get("scopes")),
                request.queryParam("baseUrl").filter(v -> !v.isBlank()).orElse(null),
                request.queryParam("returnTo").orElse(null));
        URI authorize = runtime.get().oauth().flow().start(request.principal(), start, callbackUrl(request));
        return sendTo(authorize);
    }

    private ApiResponse callback(ApiRequest request) {
        CallbackResult result = runtime.get().oauth().flow().complete(request.queryParam("state").orElse(null),
                request.queryParam("code").orElse(null), request.queryParam("error").orElse(null));
        return CallbackPage.answer(result);
    }

    private ApiResponse reconnect(ApiRequest request) {
        String returnTo = request.queryParam("returnTo").orElse(null);
        URI authorize = runtime.get().oauth().flow().reconnect(request.principal(), request.pathParams().get("id"),
                returnTo, callbackUrl(request));
        return sendTo(authorize);
    }

    private ApiResponse clientCredentials(ApiRequest request) {
        JsonBody body = JsonBody.of(request, CLIENT_CREDENTIALS_FIELDS);
        ClientCredentialsRequest create = new ClientCredentialsRequest(request.pathParams().get("provider"),
                body.text("clientId").orElse(null), body.secret("clientSecret").orElse(null),
                body.textList("scopes").orElse(List.of()), body.text("displayName").orElse(null),
                body.text("environment").orElse(request.environment()), body.text("baseUrl").orElse(null));
        Connection created = runtime.get().oauth().machines().create(request.principal(), create);
        return ApiResponse.json(201, ConnectionView.of(created, request.principal()));
    }

    /** A 302 for browsers, with the URL in the body too for scripts that do not follow redirects. */
    private static ApiResponse sendTo(URI authorize) {
        return new ApiResponse(302, Map.of("Location", authorize.toString()),
                Map.of("authorizeUrl", authorize.toString()));
    }

    /**
     * The callback URL registered with the provider: the {@code connections.oauth.callback-url}
     * setting (required behind TLS-terminating proxies), else this request's own host over http.
     */
    private String callbackUrl(ApiRequest request) {
        var configured = runtime.get().host().setting(OAuthClients.PREFIX + "callback-url")
                .filter(v -> !v.isBlank());
        if (configured.isPresent()) {
            return configured.get().strip();
        }
        String host = request.header("Host").orElse("");
        if (!HOST.matcher(host).matches()) {
            throw ApiException.badRequest("cannot work out this server's address from the Host header; set %s"
                    + "callback-url", OAuthClients.PREFIX);
        }
        return "http://" + host + "/api" + CALLBACK_PATH;
    }

    /** {@code scopes} may repeat, and each value may list several separated by spaces or commas. */
    private static List<String> scopes(List<String> values) {
        List<String> scopes = new ArrayList<>();
        for (String value : values == null ? List.<String>of() : values) {
            for (String scope : value.split("[\\s,]+")) {
                if (!scope.isBlank()) {
                    scopes.add(scope);
                }
            }
        }
        return scopes;
    }

    /** The plugin's usual error answers, plus a provider failure as 502 (a bad gateway, not our fault). */
    private static ApiHandler guard(ApiHandler handler) {
        ApiHandler guarded = ApiErrors.guard(handler);
        return request -> {
            try {
                return guarded.handle(request);
            } catch (OAuthException e) {
                throw new ApiException(502, "oauth_failed", "%s", e.getMessage());
            }
        };
    }

    /** A stopped plugin is a temporary condition, not a server bug: 503. */
    private static ConnectionsRuntime running() {
        try {
            return ConnectionsRuntime.require();
        } catch (KeywayException e) {
            throw new ApiException(503, "unavailable", "%s", e.getMessage());
        }
    }
}
