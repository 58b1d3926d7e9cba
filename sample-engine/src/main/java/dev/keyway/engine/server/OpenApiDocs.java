package dev.keyway.engine.server;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Describes every served route, host's and plugins', as an OpenAPI 3.1 document. */
public final class OpenApiDocs {

    private OpenApiDocs() {
    }

    public static Map<String, Object> describe(List<Route> routes, String version) {
        Map<String, Object> paths = new TreeMap<>();
        for (Route route : routes) {
            @SuppressWarnings("unchecked")
            Map<String, Object> item = (Map<String, Object>) paths.computeIfAbsent("/api" + route.api().path(),
                    k -> new LinkedHashMap<>());
            Map<String, Object> operation = new LinkedHashMap<>();
            operation.put("summary", route.api().summary());
            operation.put("tags", List.of(route.source()));
            List<Map<String, Object>> parameters = route.segments().stream()
                    .filter(s -> s.startsWith("{"))
                    .map(s -> Map.<String, Object>of("name", s.substring(1, s.length() - 1), "in", "path",
                            "required", true, "schema", Map.of("type", "string")))
                    .toList();
            if (!parameters.isEmpty()) {
                operation.put("parameters", parameters);
            }
            if (!route.api().authenticated()) {
                operation.put("security", List.of());
            }
            Map<String, Object> responses = new LinkedHashMap<>();
            responses.put("default", Map.of("description", "JSON; errors as {\"error\": {\"code\", \"message\"}}"));
            operation.put("responses", responses);
            item.put(route.api().method().toLowerCase(Locale.ROOT), operation);
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("openapi", "3.1.0");
        document.put("info", Map.of("title", "Keyway API", "version", version,
                "description", "Send 'Authorization: Bearer <token>' (from 'keyway users add'). Choose the environment "
                        + "with the X-Keyway-Environment header or the environment query parameter."));
        document.put("paths", paths);
        document.put("components", Map.of("securitySchemes",
                Map.of("bearer", Map.of("type", "http", "scheme", "bearer"))));
        document.put("security", List.of(Map.of("bearer", List.of())));
        return document;
    }
}
