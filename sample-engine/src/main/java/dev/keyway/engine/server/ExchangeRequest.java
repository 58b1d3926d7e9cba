package dev.keyway.engine.server;

import com.sun.net.httpserver.HttpExchange;
import dev.keyway.api.ApiException;
import dev.keyway.api.ApiRequest;
import dev.keyway.api.Principal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** An {@link ApiRequest} read from a JDK {@link HttpExchange}. */
final class ExchangeRequest implements ApiRequest {

    private final HttpExchange exchange;
    private final String path;
    private final Map<String, String> pathParams;
    private final Map<String, List<String>> query;
    private final Principal principal;
    private final String environment;
    private final byte[] body;
    private Object json;

    ExchangeRequest(HttpExchange exchange, String path, Map<String, String> pathParams, Map<String, List<String>> query,
                    Principal principal, String environment, byte[] body) {
        this.exchange = exchange;
        this.path = path;
        this.pathParams = Map.copyOf(pathParams);
        this.query = query;
        this.principal = principal;
        this.environment = environment;
        this.body = body;
    }

    @Override
    public String method() {
        return exchange.getRequestMethod().toUpperCase(Locale.ROOT);
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public Map<String, String> pathParams() {
        return pathParams;
    }

    @Override
    public Map<String, List<String>> query() {
        return query;
    }

    @Override
    public Optional<String> header(String name) {
        return Optional.ofNullable(exchange.getRequestHeaders().getFirst(name));
    }

    @Override
    public Principal principal() {
        return principal;
    }

    @Override
    public String environment() {
        return environment;
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    @Override
    public Object jsonBody() {
        if (json == null) {
            String type = header("Content-Type").orElse("").toLowerCase(Locale.ROOT);
            if (!type.startsWith("application/json") && !(type.startsWith("application/") && type.contains("+json"))) {
                throw new ApiException(415, "unsupported_media_type",
                        "send the body as JSON with 'Content-Type: application/json'%s",
                        type.isEmpty() ? "" : " (got '" + type.split(";")[0] + "')");
            }
            json = ServerJson.read(body);
        }
        return json;
    }

    /** Decodes a raw query string; {@code a=1&a=2&b} gives {@code {a=[1,2], b=[""]}}. */
    static Map<String, List<String>> parseQuery(String raw) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return query;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            query.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        query.replaceAll((k, v) -> List.copyOf(v));
        return query;
    }

    static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("malformed percent-encoding in the URL");
        }
    }
}
