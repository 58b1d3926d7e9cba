package dev.keyway.connections.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyway.api.ApiException;
import dev.keyway.api.ApiResponse;
import dev.keyway.api.ApiRoute;
import dev.keyway.api.HostContext;
import dev.keyway.api.Principal;
import dev.keyway.connections.ConnectionsRuntime;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Calls the plugin's routes directly, as the host would after authentication, over a real runtime
 * (encrypted store in a temporary folder). Records every answer rendered as JSON so tests can
 * check that no credential ever appears in one.
 */
final class ApiHarness implements AutoCloseable {

    /** An answer: status and body rendered as the host renders it. */
    record Answer(int status, Object body, String json) {

        @SuppressWarnings("unchecked")
        Map<String, Object> map() {
            return (Map<String, Object>) body;
        }

        String errorCode() {
            return String.valueOf(((Map<?, ?>) map().get("error")).get("code"));
        }

        String errorMessage() {
            return String.valueOf(((Map<?, ?>) map().get("error")).get("message"));
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    final ConnectionsRuntime runtime;
    private final List<ApiRoute> routes;
    final List<String> rendered = new ArrayList<>();

    ApiHarness(Path data, Clock clock) {
        this.runtime = ConnectionsRuntime.open(new HostContext() {
            @Override
            public Path dataDirectory() {
                return data;
            }

            @Override
            public Optional<String> setting(String key) {
                return Optional.empty();
            }

            @Override
            public Clock clock() {
                return clock;
            }
        });
        this.routes = new ConnectionsApi(() -> runtime).routes();
    }

    Answer call(Principal principal, String method, String path, String body) {
        return call(principal, method, path, body, Map.of());
    }

    Answer call(Principal principal, String method, String path, String body, Map<String, String> query) {
        String bare = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        for (ApiRoute route : routes) {
            Optional<Map<String, String>> params = match(route.path(), bare);
            if (route.method().equals(method) && params.isPresent()) {
                TestApiRequest request = TestApiRequest.of(method, bare, params.get(), principal, body);
                for (Map.Entry<String, String> q : query.entrySet()) {
                    request = request.withQuery(q.getKey(), q.getValue());
                }
                return answer(request, route);
            }
        }
        throw new AssertionError("no route for " + method + " " + path);
    }

    private Answer answer(TestApiRequest request, ApiRoute route) {
        ApiResponse response;
        try {
            response = route.handler().handle(request);
        } catch (ApiException e) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("code", e.code());
            error.put("message", e.getMessage());
            response = ApiResponse.json(e.status(), Map.of("error", error));
        }
        try {
            String json = response.body() == null ? "" : JSON.writeValueAsString(response.body());
            rendered.add(json);
            return new Answer(response.status(), response.body(), json);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static Optional<Map<String, String>> match(String template, String path) {
        Matcher names = Pattern.compile("\\{([A-Za-z0-9]+)}").matcher(template);
        List<String> params = new ArrayList<>();
        while (names.find()) {
            params.add(names.group(1));
        }
        Matcher m = Pattern.compile(template.replaceAll("\\{[A-Za-z0-9]+}", "([^/]+)")).matcher(path);
        if (!m.matches()) {
            return Optional.empty();
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < params.size(); i++) {
            values.put(params.get(i), m.group(i + 1));
        }
        return Optional.of(values);
    }

    @Override
    public void close() {
        runtime.close();
    }
}
