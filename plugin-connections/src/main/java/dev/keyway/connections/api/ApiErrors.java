package dev.keyway.connections.api;

import dev.keyway.api.ApiException;
import dev.keyway.api.ApiHandler;
import dev.keyway.connections.store.AccessDeniedException;
import dev.keyway.connections.store.AmbiguousConnectionException;
import dev.keyway.connections.store.ConcurrentUpdateException;
import dev.keyway.connections.store.ConnectionNotFoundException;
import dev.keyway.connections.store.InvalidRequestException;

/**
 * Turns the store's and the service's exceptions into API answers, for these routes and the OAuth
 * ones. Their messages are written for people and carry no credential material, so they are passed
 * on as they are; only "not found" and "not yours" are replaced by one fixed message, so that both
 * read the same.
 */
public final class ApiErrors {

    private ApiErrors() {
    }

    public static ApiHandler guard(ApiHandler handler) {
        return request -> {
            try {
                return handler.handle(request);
            } catch (InvalidRequestException e) {
                throw ApiException.badRequest("%s", e.getMessage());
            } catch (ConnectionNotFoundException | AccessDeniedException e) {
                throw notFound(request.pathParams().get("id"));
            } catch (ConcurrentUpdateException | AmbiguousConnectionException e) {
                throw new ApiException(409, "conflict", "%s", e.getMessage());
            }
        };
    }

    /**
     * The one answer for a connection the caller may not see or may not change: a missing id, another
     * user's connection, and (for owner-only verbs) one merely shared with the caller all read alike.
     */
    static ApiException notFound(String id) {
        String shown = id != null && id.length() > 64 ? id.substring(0, 64) + "..." : id;
        return ApiException.notFound("connection %s does not exist or is not yours to use or change", shown);
    }
}
