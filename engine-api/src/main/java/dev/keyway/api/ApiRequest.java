package dev.keyway.api;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An authenticated API request as the host hands it to a plugin route. */
public interface ApiRequest {

    String method();

    /** The full path below {@code /api}. */
    String path();

    /** Values of the route's {@code {name}} segments, URL-decoded. */
    Map<String, String> pathParams();

    /** Query parameters, URL-decoded. */
    Map<String, List<String>> query();

    default Optional<String> queryParam(String name) {
        List<String> values = query().get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** A header by case-insensitive name. */
    Optional<String> header(String name);

    /** The caller; null only on routes declared unauthenticated. */
    Principal principal();

    /** The environment the caller works in (header {@code X-Keyway-Environment} or query {@code environment}). */
    String environment();

    /** The raw body, possibly empty. */
    byte[] body();

    /**
     * The body parsed as JSON into JDK values ({@code Map}, {@code List}, ...).
     *
     * @throws ApiException 400 or 415 with a located message when it is not a JSON document
     */
    Object jsonBody();
}
