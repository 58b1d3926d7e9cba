package dev.keyway.connections.api;

import dev.keyway.api.ApiException;
import dev.keyway.api.ApiRequest;
import dev.keyway.api.ApiResponse;
import dev.keyway.connections.ConnectionsRuntime;
import dev.keyway.connections.store.ConnectionFilter;
import dev.keyway.connections.store.ConnectionStatus;
import dev.keyway.connections.store.ConnectionStore;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** The read-only endpoints: list, one connection, its usage trail. None of them decrypts. */
final class ConnectionQueries {

    static final int DEFAULT_USAGE_LIMIT = 100;
    static final int MAX_USAGE_LIMIT = 1000;

    private final Supplier<ConnectionsRuntime> runtime;

    ConnectionQueries(Supplier<ConnectionsRuntime> runtime) {
        this.runtime = runtime;
    }

    /** GET /connections: the caller's own and those shared with them, filtered by the query. */
    ApiResponse list(ApiRequest request) {
        ConnectionFilter filter = new ConnectionFilter(request.queryParam("provider").orElse(null),
                request.queryParam("tag").orElse(null),
                // Only an explicit ?environment= filters; the header sets where the caller works, not what they list.
                request.queryParam("environment").orElse(null),
                request.queryParam("status").map(ConnectionStatus.State::fromWire).orElse(null));
        var connections = store().list(request.principal(), filter).stream()
                .map(c -> ConnectionView.of(c, request.principal()))
                .toList();
        return ApiResponse.ok(Map.of("connections", connections));
    }

    /** GET /connections/{id}. */
    ApiResponse get(ApiRequest request) {
        String id = request.pathParams().get("id");
        return ApiResponse.ok(ConnectionView.of(ConnectionAccess.visible(store(), id, request.principal()),
                request.principal()));
    }

    /** GET /connections/{id}/usage?limit=N: newest first. */
    ApiResponse usage(ApiRequest request) {
        String id = request.pathParams().get("id");
        ConnectionAccess.visible(store(), id, request.principal());
        int limit = limit(request);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("connectionId", id);
        body.put("usage", runtime.get().connections().usage(id, request.principal(), limit).stream().map(ConnectionView::usage).toList());
        return ApiResponse.ok(body);
    }

    private static int limit(ApiRequest request) {
        String text = request.queryParam("limit").orElse(null);
        if (text == null) {
            return DEFAULT_USAGE_LIMIT;
        }
        try {
            int limit = Integer.parseInt(text);
            if (limit >= 1 && limit <= MAX_USAGE_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ApiException.badRequest("limit must be a number from 1 to %d", MAX_USAGE_LIMIT);
    }

    private ConnectionStore store() {
        return runtime.get().store();
    }
}
