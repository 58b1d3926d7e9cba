package dev.keyway.samples;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A loopback stand-in for the providers' public APIs, following their documented request and
 * response shapes, so sample patterns run end to end without the internet. It checks that each
 * request carries exactly the credential the provider expects, in the provider's format.
 *
 * <p>Each provider lives under its own prefix: {@code /github}, {@code /slack}, {@code /jira},
 * {@code /vault}. A connection points at it with its base URL, as one would for a self-hosted
 * instance (GitHub Enterprise, Jira Data Center).
 */
public final class ProviderEmulator implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(8, r -> {
        Thread thread = new Thread(r, "provider-emulator");
        thread.setDaemon(true);
        return thread;
    });
    private final Credentials credentials;
    private final Map<String, String> vaultData = new ConcurrentHashMap<>();
    private final List<Seen> seen = Collections.synchronizedList(new ArrayList<>());

    /**
     * What the emulated providers accept.
     *
     * @param githubToken GitHub: {@code Authorization: Bearer <token>}
     * @param slackToken  Slack: {@code Authorization: Bearer <bot token>}
     * @param jiraEmail   Jira Cloud: HTTP Basic of {@code email:api-token}
     * @param jiraToken   see jiraEmail
     * @param vaultToken  Vault: {@code X-Vault-Token}
     */
    public record Credentials(String githubToken, String slackToken, String jiraEmail, String jiraToken, String vaultToken) {
    }

    /**
     * One request the emulator answered.
     *
     * @param provider      the prefix it came in under
     * @param method        HTTP method
     * @param path          path below the prefix
     * @param authenticated whether it carried the right credential
     */
    public record Seen(String provider, String method, String path, boolean authenticated) {
    }

    public ProviderEmulator(Credentials credentials) throws IOException {
        this.credentials = credentials;
        // Small answers would otherwise wait out the client's delayed ACK (~40 ms each).
        System.setProperty("sun.net.httpserver.nodelay", "true");
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        server.setExecutor(executor);
        server.createContext("/github/", this::github);
        server.createContext("/slack/", this::slack);
        server.createContext("/jira/", this::jira);
        server.createContext("/vault/", this::vault);
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://127.0.0.1:<port>/<provider>}, the base URL to give a connection. */
    public String baseUrl(String provider) {
        return "http://127.0.0.1:" + port() + "/" + provider;
    }

    /** {@code 127.0.0.1:<port>}, the host a connection must allow. */
    public String hostAndPort() {
        return "127.0.0.1:" + port();
    }

    /** Stores a Vault KV v2 secret at {@code mount/path} as a JSON object text. */
    public void putVaultSecret(String mount, String path, String jsonObject) {
        vaultData.put(mount + "/" + path, jsonObject);
    }

    public List<Seen> seen() {
        synchronized (seen) {
            return List.copyOf(seen);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void github(HttpExchange exchange) throws IOException {
        String path = below(exchange, "/github");
        boolean ok = ("Bearer " + credentials.githubToken()).equals(exchange.getRequestHeaders().getFirst("Authorization"));
        seen.add(new Seen("github", exchange.getRequestMethod(), path, ok));
        if (!ok) {
            send(exchange, 401, "{\"message\":\"Bad credentials\",\"documentation_url\":\"https://docs.github.com/rest\",\"status\":\"401\"}");
        } else if (path.equals("/user") && exchange.getRequestMethod().equals("GET")) {
            send(exchange, 200, "{\"login\":\"keyway-demo\",\"id\":4242,\"name\":\"Keyway Demo\","
                    + "\"avatar_url\":\"https://avatars.example.invalid/u/4242\",\"type\":\"User\"}");
        } else {
            send(exchange, 404, "{\"message\":\"Not Found\",\"status\":\"404\"}");
        }
    }

    private void slack(HttpExchange exchange) throws IOException {
        String path = below(exchange, "/slack");
        boolean ok = ("Bearer " + credentials.slackToken()).equals(exchange.getRequestHeaders().getFirst("Authorization"));
        seen.add(new Seen("slack", exchange.getRequestMethod(), path, ok));
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        // Slack answers 200 with ok=false for auth problems.
        if (!ok) {
            send(exchange, 200, "{\"ok\":false,\"error\":\"invalid_auth\"}");
        } else if (path.equals("/api/auth.test")) {
            send(exchange, 200, "{\"ok\":true,\"team\":\"Keyway Demo\",\"user\":\"keyway-bot\",\"bot_id\":\"B0KEYWAY\"}");
        } else if (path.equals("/api/chat.postMessage") && exchange.getRequestMethod().equals("POST")) {
            String channel = jsonString(body, "channel");
            String text = jsonString(body, "text");
            if (channel == null || text == null) {
                send(exchange, 200, "{\"ok\":false,\"error\":\"" + (channel == null ? "channel_not_found" : "no_text") + "\"}");
            } else {
                send(exchange, 200, "{\"ok\":true,\"channel\":\"" + escape(channel) + "\",\"ts\":\"1763772000.000100\","
                        + "\"message\":{\"type\":\"message\",\"text\":\"" + escape(text) + "\",\"bot_id\":\"B0KEYWAY\"}}");
            }
        } else {
            send(exchange, 200, "{\"ok\":false,\"error\":\"unknown_method\"}");
        }
    }

    private void jira(HttpExchange exchange) throws IOException {
        String path = below(exchange, "/jira");
        String expected = "Basic " + Base64.getEncoder().encodeToString(
                (credentials.jiraEmail() + ":" + credentials.jiraToken()).getBytes(StandardCharsets.UTF_8));
        boolean ok = expected.equals(exchange.getRequestHeaders().getFirst("Authorization"));
        seen.add(new Seen("jira", exchange.getRequestMethod(), path, ok));
        if (!ok) {
            send(exchange, 401, "{\"errorMessages\":[\"You are not authenticated. Authentication required to perform this operation.\"],\"errors\":{}}");
        } else if (path.equals("/rest/api/3/myself")) {
            send(exchange, 200, "{\"accountId\":\"5b10a2844c20165700ede21g\",\"emailAddress\":\"" + escape(credentials.jiraEmail())
                    + "\",\"displayName\":\"Keyway Demo\",\"active\":true}");
        } else if (path.startsWith("/rest/api/3/search")) {
            String jql = query(exchange, "jql");
            send(exchange, 200, "{\"startAt\":0,\"maxResults\":50,\"total\":2,\"jql\":\"" + escape(jql == null ? "" : jql) + "\","
                    + "\"issues\":[{\"id\":\"10001\",\"key\":\"KW-1\",\"fields\":{\"summary\":\"Rotate the Slack bot token\",\"status\":{\"name\":\"To Do\"}}},"
                    + "{\"id\":\"10002\",\"key\":\"KW-2\",\"fields\":{\"summary\":\"Share the GitHub connection with ops\",\"status\":{\"name\":\"In Progress\"}}}]}");
        } else {
            send(exchange, 404, "{\"errorMessages\":[\"Not found\"],\"errors\":{}}");
        }
    }

    private void vault(HttpExchange exchange) throws IOException {
        String path = below(exchange, "/vault");
        boolean ok = credentials.vaultToken().equals(exchange.getRequestHeaders().getFirst("X-Vault-Token"));
        seen.add(new Seen("vault", exchange.getRequestMethod(), path, ok));
        if (!ok) {
            send(exchange, 403, "{\"errors\":[\"permission denied\"]}");
            return;
        }
        // KV v2: GET /v1/{mount}/data/{path}
        String[] parts = path.split("/", 5);
        if (path.equals("/v1/auth/token/lookup-self") && exchange.getRequestMethod().equals("GET")) {
            // What a connection test asks; the real answer also carries the token's accessor and policies.
            send(exchange, 200, "{\"request_id\":\"8af7a2b1-0000-4000-8000-000000000002\",\"data\":{\"display_name\":\"token-keyway-demo\","
                    + "\"policies\":[\"default\",\"keyway-demo\"],\"renewable\":true,\"ttl\":2764800,\"type\":\"service\"}}");
        } else if (parts.length == 5 && parts[1].equals("v1") && parts[3].equals("data") && exchange.getRequestMethod().equals("GET")) {
            String data = vaultData.get(parts[2] + "/" + parts[4]);
            if (data == null) {
                send(exchange, 404, "{\"errors\":[]}");
            } else {
                send(exchange, 200, "{\"request_id\":\"8af7a2b1-0000-4000-8000-000000000001\",\"lease_id\":\"\",\"renewable\":false,"
                        + "\"lease_duration\":0,\"data\":{\"data\":" + data + ",\"metadata\":{\"created_time\":\"2026-11-01T10:00:00Z\","
                        + "\"deletion_time\":\"\",\"destroyed\":false,\"version\":3}},\"wrap_info\":null,\"warnings\":null,\"auth\":null}");
            }
        } else {
            send(exchange, 404, "{\"errors\":[]}");
        }
    }

    private static String below(HttpExchange exchange, String prefix) {
        return exchange.getRequestURI().getPath().substring(prefix.length());
    }

    private static String query(HttpExchange exchange, String name) {
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw == null) {
            return null;
        }
        for (String pair : raw.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0 && pair.substring(0, equals).equals(name)) {
                return URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    /** Reads a top-level string field of a small JSON object; enough for the emulated endpoints. */
    static String jsonString(String json, String field) {
        int key = json.indexOf("\"" + field + "\"");
        if (key < 0) {
            return null;
        }
        int colon = json.indexOf(':', key);
        int open = colon < 0 ? -1 : json.indexOf('"', colon);
        if (open < 0) {
            return null;
        }
        StringBuilder value = new StringBuilder();
        for (int i = open + 1; i < json.length(); i++) {
            char c = json.charAt(i);
            if (c == '\\' && i + 1 < json.length()) {
                value.append(json.charAt(++i));
            } else if (c == '"') {
                return value.toString();
            } else {
                value.append(c);
            }
        }
        return null;
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
