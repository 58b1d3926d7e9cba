package dev.keyway.connections.api;

import dev.keyway.api.ApiException;
import dev.keyway.api.ApiRequest;
import dev.keyway.api.ApiResponse;
import dev.keyway.api.Principal;
import dev.keyway.api.Secret;
import dev.keyway.connections.ConnectionType;
import dev.keyway.connections.ConnectionsRuntime;
import dev.keyway.connections.oauth.TokenRevoker;
import dev.keyway.connections.service.ConnectionService;
import dev.keyway.connections.service.TestedConnection;
import dev.keyway.connections.store.Connection;
import dev.keyway.connections.store.ConnectionStore;
import dev.keyway.connections.store.ConnectionUpdate;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The endpoints that act on one connection: update (and rotate), test, share, unshare, delete (an
 * OAuth connection's tokens are revoked at the provider first).
 * Owner-only verbs check ownership before anything else, answering 404 like a missing id.
 */
final class ConnectionChanges {

    private static final Set<String> PATCH_FIELDS = Set.of("displayName", "tags", "apiKey", "credentials", "baseUrl",
            "allowedHosts");
    private static final Set<String> SHARE_FIELDS = Set.of("user");

    private final Supplier<ConnectionsRuntime> runtime;

    ConnectionChanges(Supplier<ConnectionsRuntime> runtime) {
        this.runtime = runtime;
    }

    /** PATCH /connections/{id}: metadata, and new credentials under the same id (rotation). */
    ApiResponse update(ApiRequest request) {
        String id = request.pathParams().get("id");
        Principal principal = request.principal();
        JsonBody body = JsonBody.of(request, PATCH_FIELDS);
        Optional<Secret> key = body.secret("apiKey");
        Optional<Map<String, Secret>> credentials = body.secretObject("credentials");
        Map<String, Secret> fields = new LinkedHashMap<>();
        try {
            ConnectionService service = runtime.get().connections();
            Connection current = ConnectionAccess.owned(service.store(), id, principal);
            if (key.isPresent() && credentials.isPresent()) {
                throw ApiException.badRequest("send either apiKey or credentials, not both");
            }
            if (credentials.isPresent() && credentials.get().isEmpty()) {
                throw ApiException.badRequest("field 'credentials' must be a non-empty object");
            }
            credentials.ifPresent(fields::putAll);
            if (key.isPresent()) {
                fields.put(service.apiKeyField(current.provider()), key.get());
            }
            ConnectionUpdate update = metadata(body);
            if (fields.isEmpty() && update.equals(ConnectionUpdate.none())) {
                throw ApiException.badRequest("nothing to change; send one or more of %s", new java.util.TreeSet<>(PATCH_FIELDS));
            }
            return ApiResponse.ok(ConnectionView.of(service.update(id, principal, update, fields), principal));
        } finally {
            key.ifPresent(Secret::destroy);
            credentials.ifPresent(c -> c.values().forEach(Secret::destroy));
        }
    }

    private static ConnectionUpdate metadata(JsonBody body) {
        ConnectionUpdate update = ConnectionUpdate.none();
        Optional<String> name = body.text("displayName");
        if (name.isPresent()) {
            if (name.get().isBlank()) {
                throw ApiException.badRequest("field 'displayName' must not be blank");
            }
            update = update.withDisplayName(name.get().strip());
        }
        update = body.textList("tags").map(LinkedHashSet::new).map(update::withTags).orElse(update);
        update = body.text("baseUrl").map(update::withBaseUrl).orElse(update);
        return body.textList("allowedHosts").map(update::withAllowedHosts).orElse(update);
    }

    /** POST /connections/{id}/test: anyone who may use the connection may check that it works. */
    ApiResponse test(ApiRequest request) {
        String id = request.pathParams().get("id");
        ConnectionAccess.visible(store(), id, request.principal());
        TestedConnection tested = runtime.get().connections().test(id, request.principal());
        Connection c = tested.connection();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", c.id());
        body.put("status", c.status().state().wire());
        body.put("statusReason", c.status().reason());
        body.put("lastCheckedAt", Timestamps.format(c.status().lastCheckedAt()));
        body.put("result", tested.outcome().verdict().name().toLowerCase(java.util.Locale.ROOT));
        body.put("httpStatus", tested.outcome().httpStatus() == 0 ? null : tested.outcome().httpStatus());
        body.put("message", tested.outcome().message());
        return ApiResponse.ok(body);
    }

    /** POST /connections/{id}/shares {"user": "bob"}. */
    ApiResponse share(ApiRequest request) {
        String id = request.pathParams().get("id");
        String user = JsonBody.of(request, SHARE_FIELDS).text("user").filter(u -> !u.isBlank())
                .orElseThrow(() -> ApiException.badRequest("field 'user' is required: who to share the connection with"));
        ConnectionAccess.owned(store(), id, request.principal());
        return ApiResponse.ok(ConnectionView.of(store().share(id, request.principal(), user), request.principal()));
    }

    /** DELETE /connections/{id}/shares/{user}. */
    ApiResponse unshare(ApiRequest request) {
        String id = request.pathParams().get("id");
        ConnectionAccess.owned(store(), id, request.principal());
        Connection c = store().unshare(id, request.principal(), request.pathParams().get("user"));
        return ApiResponse.ok(ConnectionView.of(c, request.principal()));
    }

    /** DELETE /connections/{id}: the connection, its credentials and the secrets seeded from it. */
    ApiResponse delete(ApiRequest request) {
        String id = request.pathParams().get("id");
        Connection connection = ConnectionAccess.owned(store(), id, request.principal());
        // OAuth tokens are revoked at the provider first (RFC 7009); its failure is reported, never blocking.
        TokenRevoker.Outcome revocation = connection.type() == ConnectionType.OAUTH
                ? runtime.get().oauth().revoker().revoke(connection, request.principal()) : null;
        if (!store().delete(id, request.principal())) {
            throw ApiErrors.notFound(id);
        }
        return revocation == null ? ApiResponse.noContent()
                : ApiResponse.ok(Map.of("deleted", id, "revocation", revocation.view()));
    }

    private ConnectionStore store() {
        return runtime.get().store();
    }
}
