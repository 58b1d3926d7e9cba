package dev.keyway.engine.server;

import dev.keyway.api.ApiException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/** Finds the route for a method and path; says 404 or 405 otherwise. */
final class Router {

    private final List<Route> routes;

    Router(List<Route> routes) {
        List<Route> sorted = new ArrayList<>(routes);
        sorted.sort(Comparator.comparingInt(Route::specificity).reversed());
        for (int i = 0; i < sorted.size(); i++) {
            for (int j = i + 1; j < sorted.size(); j++) {
                Route a = sorted.get(i);
                Route b = sorted.get(j);
                if (a.api().method().equals(b.api().method()) && a.segments().equals(b.segments())) {
                    throw new IllegalStateException("route " + a.api().method() + " " + a.api().path()
                            + " is contributed twice (by " + a.source() + " and " + b.source() + ")");
                }
            }
        }
        this.routes = List.copyOf(sorted);
    }

    List<Route> routes() {
        return routes;
    }

    Matched find(String method, List<String> path) {
        TreeSet<String> allowed = new TreeSet<>();
        for (Route route : routes) {
            Optional<Map<String, String>> params = route.match(path);
            if (params.isPresent()) {
                if (route.api().method().equals(method)) {
                    return new Matched(route, params.get());
                }
                allowed.add(route.api().method());
            }
        }
        if (!allowed.isEmpty()) {
            throw new ApiException(405, "method_not_allowed", "%s is not allowed here; use %s", method, String.join(", ", allowed));
        }
        throw new ApiException(404, "not_found", "no endpoint at /api/%s", String.join("/", path));
    }

    /**
     * A matched route and its path parameters.
     *
     * @param route  the route
     * @param params path parameters, URL-decoded
     */
    record Matched(Route route, Map<String, String> params) {
    }
}
