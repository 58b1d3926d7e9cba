package dev.keyway.connections.oauth;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.keyway.api.ApiException;
import dev.keyway.api.ApiRequest;
import dev.keyway.api.ApiResponse;
import dev.keyway.api.ApiRoute;
import dev.keyway.api.Principal;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Serves plugin routes under {@code /api} on loopback the way a host does: Bearer API tokens
 * authenticate every route not declared otherwise, errors become {@code {"error": ...}} JSON.
 * Records every answer's headers and body for the canary sweep.
 */
final class LoopbackApi implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<ApiRoute> routes;
    private final Map<String, Principal> users;
    final List<String> answers = new CopyOnWriteArrayList<>();

    LoopbackApi(List<ApiRoute> routes, Map<String, Principal> apiTokens) {
        this.routes = List.copyOf(routes);
        this.users = Map.copyOf(apiTokens);
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(executor);
        server.createContext("/api/", this::handle);
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            ApiResponse response;
            try {
                response = dispatch(exchange);
            } catch (ApiException e) {
                response = ApiResponse.json(e.status(), Map.of("error", Map.of("code", e.code(), "message",
                        e.getMessage())));
            }
            byte[] body = response.body() == null ? new byte[0]
                    : response.body() instanceof byte[] raw ? raw : JSON.writeValueAsBytes(response.body());
            answers.add(response.headers() + " " + new String(body, StandardCharsets.UTF_8));
            response.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
            exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        }
    }

    private ApiResponse dispatch(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath().substring("/api".length());
        for (ApiRoute route : routes) {
            Map<String, String> params = match(route.path(), path);
            if (params == null || !route.method().equals(exchange.getRequestMethod())) {
                continue;
            }
            Principal principal = null;
            if (route.authenticated()) {
                String header = exchange.getRequestHeaders().getFirst("Authorization");
                principal = header == null ? null : users.get(header.replaceFirst("^Bearer ", ""));
                if (principal == null) {
                    throw new ApiException(401, "unauthorized", "send an API token");
                }
            }
            byte[] body = exchange.getRequestBody().readAllBytes();
            return route.handler().handle(new Request(exchange, path, params, query(exchange), principal, body));
        }
        throw ApiException.notFound("nothing at %s", path);
    }

    private static Map<String, String> match(String template, String path) {
        String[] want = template.split("/");
        String[] have = path.split("/");
        if (want.length != have.length) {
            return null;
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < want.length; i++) {
            if (want[i].startsWith("{")) {
                params.put(want[i].substring(1, want[i].length() - 1), URLDecoder.decode(have[i], StandardCharsets.UTF_8));
            } else if (!want[i].equals(have[i])) {
                return null;
            }
        }
        return params;
    }

    private static Map<String, List<String>> query(HttpExchange exchange) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                query.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            }
        }
        return query;
    }

    private record Request(HttpExchange exchange, String path, Map<String, String> pathParams,
                           Map<String, List<String>> query, Principal principal, byte[] body) implements ApiRequest {

        @Override
        public String method() {
            return exchange.getRequestMethod();
        }

        @Override
        public Optional<String> header(String name) {
            return Optional.ofNullable(exchange.getRequestHeaders().getFirst(name));
        }

        @Override
        public String environment() {
            String value = exchange.getRequestHeaders().getFirst("X-Keyway-Environment");
            return value == null ? "production" : value;
        }

        @Override
        public Object jsonBody() {
            try {
                return JSON.readValue(body, Object.class);
            } catch (IOException e) {
                throw ApiException.badRequest("the body is not JSON");
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
