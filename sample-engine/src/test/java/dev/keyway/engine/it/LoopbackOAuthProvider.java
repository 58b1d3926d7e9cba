package dev.keyway.engine.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.keyway.engine.testing.Canary;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback OAuth 2 provider that answers where a self-hosted GitLab would ({@code /oauth/authorize},
 * {@code /oauth/token}, {@code /oauth/revoke}; {@code /user} and {@code /projects} as the API), so a
 * real {@code keyway serve} can connect, use, renew and revoke an OAuth connection against it. It
 * checks the client's Basic authentication and PKCE (S256), rotates refresh tokens, and keeps every
 * code and token it minted and every verifier it was sent: all of them are canaries for the sweep.
 */
final class LoopbackOAuthProvider implements AutoCloseable {

    static final String CLIENT_ID = "keyway-sweep-client";

    final String clientSecret = Canary.plant("gl-client-secret-");
    final AtomicInteger refreshes = new AtomicInteger();
    final AtomicInteger revocations = new AtomicInteger();
    private final List<String> minted = new CopyOnWriteArrayList<>();
    private final List<String> verifiers = new CopyOnWriteArrayList<>();
    private final Map<String, String> challenges = new ConcurrentHashMap<>();
    private final Set<String> liveAccess = ConcurrentHashMap.newKeySet();
    private final Set<String> liveRefresh = ConcurrentHashMap.newKeySet();
    private final HttpServer server;

    LoopbackOAuthProvider() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        server.createContext("/oauth/authorize", this::authorize);
        server.createContext("/oauth/token", this::token);
        server.createContext("/oauth/revoke", this::revoke);
        server.createContext("/user", exchange -> api(exchange, "{\"username\":\"sweep-user\"}"));
        server.createContext("/projects", exchange -> api(exchange, "{\"projects\":[\"keyway\"]}"));
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Every authorization code, access and refresh token handed out, and every PKCE verifier received. */
    List<String> secretsSoFar() {
        List<String> all = new java.util.ArrayList<>(minted);
        all.addAll(verifiers);
        return all;
    }

    private void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
        if (!CLIENT_ID.equals(query.get("client_id")) || !"S256".equals(query.get("code_challenge_method"))) {
            answer(exchange, 400, "{\"error\":\"invalid_request\"}");
            return;
        }
        String code = mint("gl-code-");
        challenges.put(code, query.get("code_challenge"));
        exchange.getResponseHeaders().set("Location", query.get("redirect_uri") + "?code="
                + URLEncoder.encode(code, StandardCharsets.UTF_8) + "&state="
                + URLEncoder.encode(query.get("state"), StandardCharsets.UTF_8));
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    private void token(HttpExchange exchange) throws IOException {
        Map<String, String> body = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        if (!clientAuthenticated(exchange)) {
            answer(exchange, 401, "{\"error\":\"invalid_client\"}");
            return;
        }
        boolean granted = switch (body.getOrDefault("grant_type", "")) {
            case "authorization_code" -> {
                verifiers.add(body.getOrDefault("code_verifier", ""));
                String challenge = challenges.remove(body.getOrDefault("code", ""));
                yield challenge != null && challenge.equals(s256(body.getOrDefault("code_verifier", "")));
            }
            case "refresh_token" -> liveRefresh.remove(body.getOrDefault("refresh_token", ""))
                    && refreshes.incrementAndGet() > 0;
            default -> false;
        };
        if (!granted) {
            answer(exchange, 400, "{\"error\":\"invalid_grant\"}");
            return;
        }
        String access = mint("gl-access-");
        String refresh = mint("gl-refresh-");
        liveAccess.add(access);
        liveRefresh.add(refresh);
        answer(exchange, 200, "{\"access_token\":\"" + access + "\",\"token_type\":\"Bearer\",\"expires_in\":3600,"
                + "\"refresh_token\":\"" + refresh + "\",\"scope\":\"api read_user\"}");
    }

    private void revoke(HttpExchange exchange) throws IOException {
        Map<String, String> body = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        if (!clientAuthenticated(exchange)) {
            answer(exchange, 401, "{\"error\":\"invalid_client\"}");
            return;
        }
        String token = body.getOrDefault("token", "");
        if (liveRefresh.remove(token) | liveAccess.remove(token)) {
            revocations.incrementAndGet();
        }
        answer(exchange, 200, "{}");
    }

    private void api(HttpExchange exchange, String json) throws IOException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        boolean live = authorization != null && authorization.startsWith("Bearer ")
                && liveAccess.contains(authorization.substring("Bearer ".length()));
        answer(exchange, live ? 200 : 401, live ? json : "{\"message\":\"401 Unauthorized\"}");
    }

    /** RFC 6749 2.3.1: Basic of the form-encoded client id and secret. */
    private boolean clientAuthenticated(HttpExchange exchange) {
        String expected = "Basic " + Base64.getEncoder().encodeToString((URLEncoder.encode(CLIENT_ID,
                StandardCharsets.UTF_8) + ":" + URLEncoder.encode(clientSecret, StandardCharsets.UTF_8))
                .getBytes(StandardCharsets.UTF_8));
        return expected.equals(exchange.getRequestHeaders().getFirst("Authorization"));
    }

    private String mint(String prefix) {
        String value = Canary.plant(prefix);
        minted.add(value);
        return value;
    }

    private static String s256(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> form(String raw) {
        Map<String, String> values = new HashMap<>();
        for (String pair : raw == null || raw.isEmpty() ? new String[0] : raw.split("&")) {
            int equals = pair.indexOf('=');
            values.put(URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8),
                    equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return values;
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
