package dev.keyway.connections.api;

import dev.keyway.api.ApiException;
import dev.keyway.api.ApiRequest;
import dev.keyway.api.ApiResponse;
import dev.keyway.api.Secret;
import dev.keyway.connections.ConnectionType;
import dev.keyway.connections.ConnectionsRuntime;
import dev.keyway.connections.providers.Provider;
import dev.keyway.connections.service.ConnectionService;
import dev.keyway.connections.service.CreatedConnection;
import dev.keyway.connections.service.NewConnectionRequest;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * POST /connections/api-key and POST /connections/credentials. Credential values become
 * {@link Secret}s while the body is parsed and are wiped once the store has encrypted them.
 */
final class ConnectionCreation {

    /** The field that holds a self-hosted base URL in the catalogue. */
    static final String BASE_URL_FIELD = "base-url";

    private static final Pattern ENVIRONMENT = Pattern.compile("[a-z0-9][a-z0-9_-]{0,31}");
    private static final Set<String> COMMON = Set.of("provider", "displayName", "environmentId", "tags", "baseUrl",
            "allowedHosts");
    private static final Set<String> API_KEY_FIELDS = union(COMMON, "apiKey", "placement", "paramName");
    private static final Set<String> CREDENTIALS_FIELDS = union(COMMON, "credentials", "type");

    private final Supplier<ConnectionsRuntime> runtime;

    ConnectionCreation(Supplier<ConnectionsRuntime> runtime) {
        this.runtime = runtime;
    }

    /** One API key (or token) in the provider's one secret field. */
    ApiResponse apiKey(ApiRequest request) {
        JsonBody body = JsonBody.of(request, API_KEY_FIELDS);
        Optional<Secret> key = body.secret("apiKey");
        Optional<String> provider = body.text("provider").filter(p -> !p.isBlank());
        if (key.isEmpty() || provider.isEmpty()) {
            key.ifPresent(Secret::destroy);
            throw ApiException.badRequest("provider and apiKey are required");
        }
        Map<String, Secret> fields = new LinkedHashMap<>();
        try {
            ConnectionService service = runtime.get().connections();
            fields.put(service.apiKeyField(provider.get()), key.get());
            // The generic api_key provider's settings: where the key goes and under which name.
            body.text("placement").ifPresent(v -> fields.put("placement", setting("placement", v)));
            body.text("paramName").ifPresent(v -> fields.put("param-name", setting("paramName", v)));
            ConnectionType type = service.catalogue().find(provider.get())
                    .filter(p -> !p.supports(ConnectionType.API_KEY) && p.supports(ConnectionType.BEARER))
                    .map(p -> ConnectionType.BEARER).orElse(ConnectionType.API_KEY);
            return create(request, body, provider.get(), type, fields);
        } finally {
            key.get().destroy();
            fields.values().forEach(Secret::destroy);
        }
    }

    /** Several credential fields, e.g. Jira's user-email, api-token and base-url. */
    ApiResponse credentials(ApiRequest request) {
        JsonBody body = JsonBody.of(request, CREDENTIALS_FIELDS);
        Optional<Map<String, Secret>> given = body.secretObject("credentials");
        Optional<String> provider = body.text("provider").filter(p -> !p.isBlank());
        Map<String, Secret> fields = new LinkedHashMap<>(given.orElse(Map.of()));
        try {
            if (fields.isEmpty() || provider.isEmpty()) {
                throw ApiException.badRequest("provider and credentials (non-empty object) are required");
            }
            ConnectionType type = body.text("type").map(ConnectionCreation::type)
                    .orElseGet(() -> defaultType(provider.get()));
            return create(request, body, provider.get(), type, fields);
        } finally {
            fields.values().forEach(Secret::destroy);
        }
    }

    private ApiResponse create(ApiRequest request, JsonBody body, String provider, ConnectionType type,
                               Map<String, Secret> fields) {
        ConnectionService service = runtime.get().connections();
        Optional<String> baseUrl = body.text("baseUrl").filter(u -> !u.isBlank());
        boolean takesBaseUrlField = service.catalogue().find(provider)
                .flatMap(p -> p.field(BASE_URL_FIELD)).isPresent();
        if (baseUrl.isPresent() && takesBaseUrlField && !fields.containsKey(BASE_URL_FIELD)) {
            // Providers whose base URL is a field (Jira, the generic ones) take the top-level baseUrl there too.
            fields.put(BASE_URL_FIELD, Secret.of(baseUrl.get()));
        }
        String environment = body.text("environmentId").map(ConnectionCreation::environment).orElse(null);
        NewConnectionRequest wanted = new NewConnectionRequest(provider, type, body.text("displayName").orElse(null),
                environment, fields, new LinkedHashSet<>(body.textList("tags").orElse(java.util.List.of())),
                baseUrl.orElse(null), body.textList("allowedHosts").orElse(java.util.List.of()));
        CreatedConnection created = service.create(request.principal(), request.environment(), wanted);
        return ApiResponse.json(201, ConnectionView.created(created.connection(), request.principal(),
                created.seedResult()));
    }

    /** The usual non-OAuth kind of the provider: credentials for Jira, basic for Bitbucket, api_key for Slack. */
    private ConnectionType defaultType(String providerId) {
        return runtime.get().connections().catalogue().find(providerId)
                .flatMap(ConnectionCreation::firstFieldKind)
                .orElse(ConnectionType.CREDENTIALS);
    }

    private static Optional<ConnectionType> firstFieldKind(Provider provider) {
        return provider.authKinds().stream().filter(kind -> kind != ConnectionType.OAUTH).findFirst();
    }

    private static ConnectionType type(String id) {
        return ConnectionType.byId(id).filter(t -> t != ConnectionType.OAUTH).orElseThrow(() -> ApiException.badRequest(
                "field 'type' must be one of credentials, basic, bearer, api_key; OAuth connections are made by "
                        + "the authorization flow"));
    }

    private static String environment(String id) {
        if (!ENVIRONMENT.matcher(id).matches()) {
            throw ApiException.badRequest("field 'environmentId' must be 1 to 32 lower-case letters, digits, '-' or '_'");
        }
        return id;
    }

    /** Settings are not credentials, but the credentials map holds only secrets. */
    private static Secret setting(String name, String value) {
        if (value.isEmpty()) {
            throw ApiException.badRequest("field '%s' must not be empty", name);
        }
        return Secret.of(value);
    }

    private static Set<String> union(Set<String> base, String... more) {
        Set<String> all = new LinkedHashSet<>(base);
        all.addAll(Set.of(more));
        return Set.copyOf(all);
    }
}
