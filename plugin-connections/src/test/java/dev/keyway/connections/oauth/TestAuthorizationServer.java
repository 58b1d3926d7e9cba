package dev.keyway.connections.oauth;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.keyway.connections.testing.CanaryForms;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small but real OAuth 2 authorization server and protected API on loopback, written for these
 * tests (mock-oauth2-server resolves, but mints its own JWTs: the canary tests need to choose every
 * token value, count refreshes and revoke grants at will). It implements:
 * <ul>
 *   <li>{@code GET /oauth/authorize}: redirects back with a single-use code (or {@code access_denied});</li>
 *   <li>{@code POST /oauth/token}: client authentication by HTTP Basic; {@code authorization_code}
 *       with the redirect URI and PKCE S256 checked; {@code refresh_token} with rotation (the old
 *       refresh token dies); {@code client_credentials};</li>
 *   <li>{@code POST /oauth/revoke}: RFC 7009;</li>
 *   <li>{@code GET /user} and {@code GET /projects}: the API, 401 unless the bearer token is live.</li>
 * </ul>
 * Every token, code and the client secret are canaries, so tests can look for them anywhere.
 */
final class TestAuthorizationServer implements AutoCloseable {

    static final String CLIENT_ID = "keyway-test-client";
    static final String ACCOUNT = "octocat";

    private static final ObjectMapper JSON = new ObjectMapper();

    private record Grant(String redirectUri, String challenge, String scope) {
    }

    private record Access(Instant expiresAt, boolean clientCredentials) {
    }

    /** An access token and the refresh token issued with it. */
    record Pair(String access, String refresh) {
    }

    final CanaryForms clientSecret = CanaryForms.plant("cs-");
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Clock clock;
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    private final Map<String, Access> accessTokens = new ConcurrentHashMap<>();
    private final Map<String, String> refreshTokens = new ConcurrentHashMap<>();
    private final List<CanaryForms> issued = new CopyOnWriteArrayList<>();
    private final List<String> verifiersSeen = new CopyOnWriteArrayList<>();
    /** Every token pair handed out, in the order it was issued. */
    final List<Pair> pairs = new CopyOnWriteArrayList<>();
    final AtomicInteger refreshes = new AtomicInteger();
    final AtomicInteger refreshAttempts = new AtomicInteger();
    final AtomicInteger codeExchanges = new AtomicInteger();
    final AtomicInteger clientCredentialGrants = new AtomicInteger();
    final List<String> revocationHints = new CopyOnWriteArrayList<>();
    final AtomicInteger apiCalls = new AtomicInteger();
    volatile long expiresInSeconds = 3600;
    volatile boolean denyNext;
    volatile boolean revocationDown;
    volatile long refreshDelayMillis;

    TestAuthorizationServer(Clock clock) {
        this.clock = clock;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(executor);
        server.createContext("/oauth/authorize", this::authorize);
        server.createContext("/oauth/token", this::token);
        server.createContext("/oauth/revoke", this::revoke);
        server.createContext("/user", exchange -> api(exchange, Map.of("username", ACCOUNT)));
        server.createContext("/projects", exchange -> api(exchange, Map.of("projects", List.of("keyway"))));
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Every token and code this server handed out, the client secret and every PKCE verifier it was sent. */
    List<CanaryForms> canaries() {
        List<CanaryForms> all = new ArrayList<>(issued);
        all.add(clientSecret);
        return all;
    }

    List<String> verifiersSeen() {
        return verifiersSeen;
    }

    /** The person revokes the app's access at the provider: every refresh and access token dies. */
    void revokeEverything() {
        refreshTokens.clear();
        accessTokens.clear();
    }

    /** The provider drops live access tokens (a key rotation, a restart): the API answers 401 until a refresh. */
    void forgetAccessTokens() {
        accessTokens.clear();
    }

    private void authorize(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> q = form(exchange.getRequestURI().getRawQuery());
            String redirect = q.get("redirect_uri");
            if (!CLIENT_ID.equals(q.get("client_id")) || redirect == null || !"code".equals(q.get("response_type"))
                    || !"S256".equals(q.get("code_challenge_method")) || q.get("code_challenge") == null) {
                respond(exchange, 400, Map.of("error", "invalid_request"));
                return;
            }
            String query;
            if (denyNext) {
                denyNext = false;
                query = "error=access_denied&error_description=" + enc("The user said no") + "&state="
                        + enc(q.get("state"));
            } else {
                String code = mint("code-");
                codes.put(code, new Grant(redirect, q.get("code_challenge"), q.getOrDefault("scope", "")));
                query = "code=" + enc(code) + "&state=" + enc(q.get("state"));
            }
            exchange.getResponseHeaders().set("Location", redirect + (redirect.contains("?") ? "&" : "?") + query);
            exchange.sendResponseHeaders(302, -1);
        }
    }

    private void token(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> f = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            boolean clientOk = authenticated(exchange);
            String grantType = f.getOrDefault("grant_type", "");
            if (!clientOk) {
                respond(exchange, 401, Map.of("error", "invalid_client"));
                return;
            }
            switch (grantType) {
                case "authorization_code" -> {
                    Grant grant = codes.remove(f.getOrDefault("code", ""));
                    String verifier = f.get("code_verifier");
                    if (verifier != null) {
                        verifiersSeen.add(verifier);
                    }
                    if (grant == null || !grant.redirectUri().equals(f.get("redirect_uri")) || verifier == null
                            || !Pkce.challengeOf(verifier).equals(grant.challenge())) {
                        respond(exchange, 400, Map.of("error", "invalid_grant"));
                        return;
                    }
                    codeExchanges.incrementAndGet();
                    respond(exchange, 200, tokens(grant.scope(), true, false));
                }
                case "refresh_token" -> {
                    refreshAttempts.incrementAndGet();
                    sleep(refreshDelayMillis);
                    String scope = refreshTokens.remove(f.getOrDefault("refresh_token", ""));
                    if (scope == null) {
                        respond(exchange, 400, Map.of("error", "invalid_grant"));
                        return;
                    }
                    refreshes.incrementAndGet();
                    respond(exchange, 200, tokens(scope, true, false));
                }
                case "client_credentials" -> {
                    clientCredentialGrants.incrementAndGet();
                    respond(exchange, 200, tokens(f.getOrDefault("scope", ""), false, true));
                }
                default -> respond(exchange, 400, Map.of("error", "unsupported_grant_type"));
            }
        }
    }

    private void revoke(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> f = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            if (revocationDown) {
                respond(exchange, 503, Map.of());
                return;
            }
            if (!authenticated(exchange)) {
                respond(exchange, 401, Map.of("error", "invalid_client"));
                return;
            }
            String token = f.getOrDefault("token", "");
            boolean known = refreshTokens.remove(token) != null | accessTokens.remove(token) != null;
            revocationHints.add(f.getOrDefault("token_type_hint", "") + (known ? "" : " (unknown)"));
            respond(exchange, 200, Map.of());
        }
    }

    private void api(HttpExchange exchange, Map<String, Object> answer) throws IOException {
        try (exchange) {
            apiCalls.incrementAndGet();
            String header = exchange.getRequestHeaders().getFirst("Authorization");
            Access access = header != null && header.startsWith("Bearer ")
                    ? accessTokens.get(header.substring(7)) : null;
            if (access == null || !clock.instant().isBefore(access.expiresAt())) {
                respond(exchange, 401, Map.of("message", "401 Unauthorized"));
                return;
            }
            respond(exchange, 200, answer);
        }
    }

    private Map<String, Object> tokens(String scope, boolean withRefresh, boolean clientCredentials) {
        String access = mint("at-");
        // expiresInSeconds 0: a provider that says nothing about expiry (its tokens live until revoked).
        accessTokens.put(access, new Access(expiresInSeconds > 0 ? clock.instant().plusSeconds(expiresInSeconds)
                : Instant.MAX, clientCredentials));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("access_token", access);
        answer.put("token_type", "Bearer");
        if (expiresInSeconds > 0) {
            answer.put("expires_in", expiresInSeconds);
        }
        answer.put("scope", scope);
        if (withRefresh) {
            String refresh = mint("rt-");
            refreshTokens.put(refresh, scope);
            answer.put("refresh_token", refresh);
            pairs.add(new Pair(access, refresh));
        }
        return answer;
    }

    private String mint(String prefix) {
        CanaryForms canary = CanaryForms.plant(prefix);
        issued.add(canary);
        return canary.value();
    }

    private boolean authenticated(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header == null || !header.startsWith("Basic ")) {
            return false;
        }
        String decoded = new String(Base64.getDecoder().decode(header.substring(6)), StandardCharsets.UTF_8);
        int colon = decoded.indexOf(':');
        return colon > 0 && CLIENT_ID.equals(URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8))
                && clientSecret.value().equals(URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8));
    }

    private static Map<String, String> form(String raw) {
        Map<String, String> values = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return values;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            values.put(name, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return values;
    }

    private static String enc(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }

    private static void respond(HttpExchange exchange, int status, Map<String, ?> body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
