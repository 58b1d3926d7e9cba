package dev.keyway.api;

import java.util.Map;
import java.util.Objects;

/**
 * An API answer.
 *
 * @param status  HTTP status
 * @param headers extra response headers
 * @param body    JDK values rendered as JSON by the host ({@link Secret}s as a mask), or a
 *                {@code byte[]} sent as is with the {@code Content-Type} given in headers, or null
 */
public record ApiResponse(int status, Map<String, String> headers, Object body) {

    public ApiResponse {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("bad HTTP status " + status);
        }
        headers = Map.copyOf(headers == null ? Map.of() : headers);
    }

    public static ApiResponse json(int status, Object body) {
        return new ApiResponse(status, Map.of(), body);
    }

    public static ApiResponse ok(Object body) {
        return json(200, body);
    }

    public static ApiResponse noContent() {
        return new ApiResponse(204, Map.of(), null);
    }

    public static ApiResponse redirect(String location) {
        return new ApiResponse(302, Map.of("Location", Objects.requireNonNull(location, "location")), null);
    }
}
