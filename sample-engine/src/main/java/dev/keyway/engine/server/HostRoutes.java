package dev.keyway.engine.server;

import dev.keyway.api.ApiException;
import dev.keyway.api.ApiRequest;
import dev.keyway.api.ApiResponse;
import dev.keyway.api.ApiRoute;
import dev.keyway.api.KeywayException;
import dev.keyway.api.OptionsQuery;
import dev.keyway.engine.Engine;
import dev.keyway.engine.PatternException;
import dev.keyway.engine.exec.RunRequest;
import dev.keyway.engine.json.SpecJson;
import dev.keyway.engine.pattern.Pattern;
import dev.keyway.engine.plugins.Pickers;
import dev.keyway.engine.record.ExecutionRecord;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The engine's own endpoints: health, node types and picker options, pattern management, runs
 * and execution records. Plugin endpoints are served beside these.
 */
public final class HostRoutes {

    private static final int MAX_LISTED = 500;

    private final Engine engine;
    private final Pickers pickers;
    private final PatternRepository patterns;
    private final Supplier<Map<String, Object>> openApi;

    public HostRoutes(Engine engine, Pickers pickers, PatternRepository patterns, Supplier<Map<String, Object>> openApi) {
        this.engine = engine;
        this.pickers = pickers;
        this.patterns = patterns;
        this.openApi = openApi;
    }

    /** Runs the pattern whose HTTP trigger listens on a {@code /hooks/...} path. */
    public ApiServer.Triggers triggers() {
        return (method, path, request) -> patterns.byTrigger(method, path)
                .map(pattern -> ApiResponse.ok(runResult(execute(pattern, request))))
                .or(() -> patterns.hasTriggerPath(path)
                        ? java.util.Optional.of(ApiServer.error(405, "method_not_allowed",
                                "the pattern listening on " + path + " takes another method"))
                        : java.util.Optional.empty());
    }

    public List<ApiRoute> routes() {
        return List.of(
                new ApiRoute("GET", "/health", false, "Liveness: answers while the server runs",
                        r -> ApiResponse.ok(Map.of("status", "ok"))),
                new ApiRoute("GET", "/openapi.json", false, "This API, described as OpenAPI 3.1",
                        r -> ApiResponse.ok(openApi.get())),
                ApiRoute.of("GET", "/node-types", "Every node type of the loaded plugins", this::nodeTypes),
                ApiRoute.of("GET", "/node-types/{type}", "One node type's properties, inputs and outputs", this::nodeType),
                ApiRoute.of("GET", "/node-types/{type}/properties/{property}/options",
                        "What the caller may pick for a property, in the chosen environment", this::options),
                ApiRoute.of("GET", "/patterns", "The stored patterns", this::listPatterns),
                ApiRoute.of("GET", "/patterns/{id}", "A stored pattern document", this::getPattern),
                ApiRoute.of("PUT", "/patterns/{id}", "Validate and store a pattern; 400 lists every problem", this::putPattern),
                ApiRoute.of("DELETE", "/patterns/{id}", "Delete a stored pattern", this::deletePattern),
                ApiRoute.of("POST", "/patterns/{id}/run", "Run a stored pattern with the body as trigger payload", this::run),
                ApiRoute.of("GET", "/executions", "The caller's executions, newest first", this::listExecutions),
                ApiRoute.of("GET", "/executions/{id}", "One execution record, secrets masked", this::getExecution));
    }

    private ApiResponse nodeTypes(ApiRequest request) {
        return ApiResponse.ok(Map.of("nodeTypes", engine.catalog().specs().stream().map(SpecJson::describe).toList()));
    }

    private ApiResponse nodeType(ApiRequest request) {
        String type = request.pathParams().get("type");
        return engine.catalog().find(type).map(t -> ApiResponse.ok(SpecJson.describe(t.spec())))
                .orElseThrow(() -> ApiException.notFound("no node type '%s'", type));
    }

    private ApiResponse options(ApiRequest request) {
        try {
            return ApiResponse.ok(Map.of("options", pickers.options(new OptionsQuery(request.pathParams().get("type"),
                    request.pathParams().get("property"), request.principal(), request.environment()))));
        } catch (Pickers.NotFound e) {
            throw ApiException.notFound("%s", e.getMessage());
        }
    }

    private ApiResponse listPatterns(ApiRequest request) {
        return ApiResponse.ok(Map.of("patterns", patterns.list().stream().map(HostRoutes::summary).toList()));
    }

    private ApiResponse getPattern(ApiRequest request) {
        String id = request.pathParams().get("id");
        String source = patterns.source(id).orElseThrow(() -> ApiException.notFound("no pattern '%s'", id));
        return new ApiResponse(200, Map.of("Content-Type", "application/json; charset=utf-8"),
                source.getBytes(StandardCharsets.UTF_8));
    }

    private ApiResponse putPattern(ApiRequest request) {
        String id = request.pathParams().get("id");
        request.jsonBody(); // content type and JSON syntax, with the server's usual errors
        boolean existed = patterns.get(id).isPresent();
        try {
            Pattern pattern = patterns.put(id, new String(request.body(), StandardCharsets.UTF_8));
            return ApiResponse.json(existed ? 200 : 201, summary(pattern));
        } catch (PatternException e) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("code", "invalid_pattern");
            error.put("message", "the pattern has " + e.problems().size() + " problem(s); nothing was stored");
            error.put("problems", e.problems());
            return ApiResponse.json(400, Map.of("error", error));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("%s", e.getMessage());
        }
    }

    private ApiResponse deletePattern(ApiRequest request) {
        String id = request.pathParams().get("id");
        if (!patterns.delete(id)) {
            throw ApiException.notFound("no pattern '%s'", id);
        }
        return ApiResponse.noContent();
    }

    private ApiResponse run(ApiRequest request) {
        String id = request.pathParams().get("id");
        Pattern pattern = patterns.get(id).orElseThrow(() -> ApiException.notFound("no pattern '%s'", id));
        return ApiResponse.ok(runResult(execute(pattern, request)));
    }

    /** Runs a pattern for an API request: body as payload, no-store from header or query. */
    ExecutionRecord execute(Pattern pattern, ApiRequest request) {
        Map<String, Object> payload = payload(request);
        boolean noStore = request.header("x-keyway-nostore").map(v -> v.trim().equals("1")).orElse(false)
                || request.queryParam("nostore").map(v -> v.equals("1")).orElse(false);
        try {
            return engine.run(new RunRequest(pattern, request.principal(), request.environment(), payload, noStore));
        } catch (KeywayException e) {
            throw new ApiException(500, "run_failed", "%s", e.getMessage());
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> payload(ApiRequest request) {
        if (request.body().length == 0) {
            return Map.of();
        }
        Object body = request.jsonBody();
        if (!(body instanceof Map)) {
            throw ApiException.badRequest("the trigger payload must be a JSON object");
        }
        return (Map<String, Object>) body;
    }

    static Map<String, Object> runResult(ExecutionRecord record) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("executionId", record.id());
        result.put("status", record.status().name().toLowerCase(java.util.Locale.ROOT));
        result.put("outputs", record.outputs() == null ? Map.of() : record.outputs());
        if (record.error() != null) {
            result.put("error", Map.of("nodeId", record.error().nodeId(), "code", record.error().code(),
                    "message", record.error().message()));
        }
        return result;
    }

    private ApiResponse listExecutions(ApiRequest request) {
        int limit = request.queryParam("limit").map(HostRoutes::parseLimit).orElse(50);
        List<Map<String, Object>> executions = new ArrayList<>();
        for (ExecutionRecord record : engine.records().list(MAX_LISTED)) {
            if (ownedBy(record, request) && executions.size() < limit) {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("id", record.id());
                item.put("patternId", record.patternId());
                item.put("environment", record.environment());
                item.put("status", record.status().name().toLowerCase(java.util.Locale.ROOT));
                item.put("startedAt", record.startedAt().toString());
                item.put("durationMs", record.durationMs());
                executions.add(item);
            }
        }
        return ApiResponse.ok(Map.of("executions", executions));
    }

    private ApiResponse getExecution(ApiRequest request) {
        String id = request.pathParams().get("id");
        return engine.records().get(id).filter(r -> ownedBy(r, request)).map(r -> ApiResponse.ok(r))
                .orElseThrow(() -> ApiException.notFound("no execution '%s'", id));
    }

    private static boolean ownedBy(ExecutionRecord record, ApiRequest request) {
        return record.user().equals(request.principal().user()) && record.workspace().equals(request.principal().workspace());
    }

    private static int parseLimit(String text) {
        try {
            int limit = Integer.parseInt(text);
            if (limit >= 1 && limit <= MAX_LISTED) {
                return limit;
            }
        } catch (NumberFormatException ignored) {
            // falls through to the error below
        }
        throw ApiException.badRequest("limit must be a whole number from 1 to %d", MAX_LISTED);
    }

    private static Map<String, Object> summary(Pattern pattern) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("id", pattern.id());
        summary.put("name", pattern.name());
        summary.put("description", pattern.description());
        Map<String, Object> trigger = new LinkedHashMap<>();
        trigger.put("type", pattern.trigger().type());
        if (pattern.trigger().path() != null) {
            trigger.put("path", pattern.trigger().path());
            trigger.put("method", pattern.trigger().method());
        }
        summary.put("trigger", trigger);
        return summary;
    }
}
