package dev.keyway.api;

import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One endpoint.
 *
 * @param method        HTTP method, upper case
 * @param path          path below {@code /api} with {@code {name}} segments, e.g. {@code /connections/{id}}
 * @param authenticated false only for endpoints reached without an API token (an OAuth callback)
 * @param summary       one line for the OpenAPI description
 * @param handler       the code that answers
 */
public record ApiRoute(String method, String path, boolean authenticated, String summary, ApiHandler handler) {

    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");
    private static final Pattern PATH = Pattern.compile("(/([A-Za-z0-9._-]+|\\{[A-Za-z][A-Za-z0-9]*}))+");

    public ApiRoute {
        Objects.requireNonNull(method, "method");
        if (!METHODS.contains(method)) {
            throw new IllegalArgumentException("unsupported method " + method + "; use one of " + METHODS);
        }
        Objects.requireNonNull(path, "path");
        if (!PATH.matcher(path).matches()) {
            throw new IllegalArgumentException("route path '" + path + "' must look like /segment/{param}");
        }
        summary = summary == null ? "" : summary;
        Objects.requireNonNull(handler, "handler");
    }

    public static ApiRoute of(String method, String path, String summary, ApiHandler handler) {
        return new ApiRoute(method, path, true, summary, handler);
    }
}
