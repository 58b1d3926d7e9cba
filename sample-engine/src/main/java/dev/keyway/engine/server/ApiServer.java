package dev.keyway.engine.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.keyway.api.ApiException;
import dev.keyway.api.ApiResponse;
import dev.keyway.api.KeywayException;
import dev.keyway.api.Principal;
import dev.keyway.engine.plugins.ContextClassLoader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP API on the JDK's built-in server. Every {@code /api} route but those declared
 * unauthenticated needs {@code Authorization: Bearer <token>}; every error is a JSON document
 * {@code {"error": {"code", "message"}}}, never a stack trace or an HTML page.
 */
public final class ApiServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);
    private static final Pattern ENVIRONMENT = Pattern.compile("[a-z0-9][a-z0-9_-]{0,31}");
    private static final String PREFIX = "/api";
    private static final String HOOKS = "/hooks";
    private static final int DISCARD_FACTOR = 16;

    private final Config config;
    private final UserStore users;
    private final Router router;
    private final List<Handler> extraHandlers;
    private final Triggers triggers;
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean closing;
    private HttpServer server;
    private ExecutorService executor;

    /**
     * @param routes        host and plugin routes, paths relative to {@code /api}
     * @param extraHandlers handlers for paths outside {@code /api} (static pages), tried in order
     */
    public ApiServer(Config config, UserStore users, List<Route> routes, List<Handler> extraHandlers, Triggers triggers) {
        this.config = config;
        this.triggers = triggers;
        this.users = users;
        this.router = new Router(routes);
        this.extraHandlers = List.copyOf(extraHandlers);
    }

    /** Binds and starts serving; returns the address actually bound (port 0 picks a free one). */
    public InetSocketAddress start() throws IOException {
        // The JDK server reads these once, when its class initialises.
        System.setProperty("sun.net.httpserver.maxReqTime", String.valueOf(config.requestTimeout().toSeconds()));
        System.setProperty("sun.net.httpserver.maxRspTime", String.valueOf(config.requestTimeout().toSeconds()));
        System.setProperty("sun.net.httpserver.maxReqHeaders", "100");
        System.setProperty("sun.net.httpserver.maxReqHeaderSize", String.valueOf(config.maxHeaderBytes()));
        // Without TCP_NODELAY a small answer waits out the client's delayed ACK: ~40 ms per request.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        server = HttpServer.create(new InetSocketAddress(config.bind(), config.port()), 128);
        AtomicInteger threadCount = new AtomicInteger();
        executor = new ThreadPoolExecutor(config.threads(), config.threads(), 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), r -> {
                    Thread thread = new Thread(r, "keyway-http-" + threadCount.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
        return server.getAddress();
    }

    public List<Route> routes() {
        return router.routes();
    }

    /** Stops accepting, lets running requests finish (up to the grace period), then stops. */
    @Override
    public void close() {
        if (server == null) {
            return;
        }
        // The JDK 17 server's stop(delay) always waits the whole delay, even when idle, so the
        // wait for running requests is done here and the server is then stopped at once.
        closing = true;
        long deadline = System.nanoTime() + config.shutdownGrace().toNanos();
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        server.stop(0);
        executor.shutdown();
        try {
            if (!executor.awaitTermination(config.shutdownGrace().toMillis(), TimeUnit.MILLISECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
        server = null;
    }

    private void handle(HttpExchange exchange) {
        inFlight.incrementAndGet();
        try (exchange) {
            ApiResponse response;
            try {
                if (closing) {
                    throw new ApiException(503, "shutting_down", "the server is shutting down; retry against another instance or later");
                }
                response = dispatch(exchange);
            } catch (ApiException e) {
                response = error(e.status(), e.code(), e.getMessage());
            } catch (KeywayException e) {
                LOG.warn("request {} {} failed: {}", exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(), e.getMessage());
                response = error(500, "failed", e.getMessage());
            } catch (RuntimeException e) {
                LOG.warn("request {} {} failed with {}", exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                        e.getClass().getName());
                LOG.debug("stack trace", e);
                response = error(500, "internal_error", "the server failed to answer; the log has details");
            }
            if (response.status() == 401) {
                exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer");
            }
            write(exchange, response);
        } catch (IOException e) {
            LOG.debug("client went away: {}", e.getMessage());
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private ApiResponse dispatch(HttpExchange exchange) throws IOException {
        URI uri = exchange.getRequestURI();
        String rawPath = uri.getRawPath();
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        if (rawPath.startsWith(HOOKS + "/") && triggers != null) {
            return fire(exchange, method, rawPath.substring(HOOKS.length()));
        }
        if (!rawPath.equals(PREFIX) && !rawPath.startsWith(PREFIX + "/")) {
            for (Handler handler : extraHandlers) {
                Optional<ApiResponse> answer = handler.handle(method, rawPath, exchange);
                if (answer.isPresent()) {
                    return answer.get();
                }
            }
            throw new ApiException(404, "not_found", "nothing at %s; the API is under /api", rawPath);
        }
        List<String> segments = new ArrayList<>();
        for (String raw : Route.split(rawPath.substring(PREFIX.length()))) {
            segments.add(ExchangeRequest.decode(raw));
        }
        Router.Matched matched = router.find(method, segments);
        Map<String, List<String>> query = ExchangeRequest.parseQuery(uri.getRawQuery());
        Principal principal = null;
        if (matched.route().api().authenticated()) {
            principal = authenticate(exchange);
        }
        String environment = environment(exchange, query);
        byte[] body = readBody(exchange);
        ExchangeRequest request = new ExchangeRequest(exchange, "/" + String.join("/", segments),
                matched.params(), query, principal, environment, body);
        return ContextClassLoader.call(matched.route().classLoader(), () -> matched.route().api().handler().handle(request));
    }

    /** A pattern's own HTTP trigger: authenticated like the API, answered with the run result. */
    private ApiResponse fire(HttpExchange exchange, String method, String rawPath) throws IOException {
        List<String> segments = new ArrayList<>();
        for (String raw : Route.split(rawPath)) {
            segments.add(ExchangeRequest.decode(raw));
        }
        String path = "/" + String.join("/", segments);
        Map<String, List<String>> query = ExchangeRequest.parseQuery(exchange.getRequestURI().getRawQuery());
        Principal principal = authenticate(exchange);
        ExchangeRequest request = new ExchangeRequest(exchange, path, Map.of(), query, principal,
                environment(exchange, query), readBody(exchange));
        return triggers.fire(method, path, request)
                .orElseThrow(() -> new ApiException(404, "not_found", "no pattern listens on %s %s", method, path));
    }

    private Principal authenticate(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header == null || header.isBlank()) {
            throw new ApiException(401, "unauthorized", "send an API token as 'Authorization: Bearer <token>'; "
                    + "create one with 'keyway users add NAME'");
        }
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new ApiException(401, "unauthorized", "the Authorization header must use the Bearer scheme");
        }
        return users.authenticate(header.substring(7).trim())
                .orElseThrow(() -> new ApiException(401, "unauthorized", "the API token is unknown or revoked"));
    }

    private static String environment(HttpExchange exchange, Map<String, List<String>> query) {
        String value = exchange.getRequestHeaders().getFirst("X-Keyway-Environment");
        if (value == null && query.containsKey("environment")) {
            value = query.get("environment").get(0);
        }
        if (value == null || value.isBlank()) {
            return "development";
        }
        if (!ENVIRONMENT.matcher(value).matches()) {
            throw ApiException.badRequest("environment must be 1 to 32 lower-case letters, digits, '-' or '_'");
        }
        return value;
    }

    private byte[] readBody(HttpExchange exchange) throws IOException {
        String length = exchange.getRequestHeaders().getFirst("Content-Length");
        if (length != null) {
            long declared;
            try {
                declared = Long.parseLong(length.trim());
            } catch (NumberFormatException e) {
                throw ApiException.badRequest("Content-Length is not a number");
            }
            if (declared > config.maxBodyBytes()) {
                discard(exchange.getRequestBody());
                throw tooLarge();
            }
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try (InputStream in = exchange.getRequestBody()) {
            int read;
            while ((read = in.read(buffer)) > 0) {
                if (body.size() + read > config.maxBodyBytes()) {
                    discard(in);
                    throw tooLarge();
                }
                body.write(buffer, 0, read);
            }
        }
        return body.toByteArray();
    }

    /**
     * Reads and drops what is left of a refused body, up to a bound, so the client reads our 413
     * instead of a reset socket; a body beyond the bound is cut off (the socket closes).
     */
    private void discard(InputStream in) throws IOException {
        long budget = (long) config.maxBodyBytes() * DISCARD_FACTOR;
        byte[] buffer = new byte[8192];
        int read;
        while (budget > 0 && (read = in.read(buffer)) > 0) {
            budget -= read;
        }
    }

    private ApiException tooLarge() {
        return new ApiException(413, "payload_too_large", "the request body is larger than %d bytes", config.maxBodyBytes());
    }

    static ApiResponse error(int status, String code, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", message);
        return ApiResponse.json(status, Map.of("error", error));
    }

    private static void write(HttpExchange exchange, ApiResponse response) throws IOException {
        byte[] bytes;
        if (response.body() == null) {
            bytes = new byte[0];
        } else if (response.body() instanceof byte[] raw) {
            bytes = raw;
        } else {
            try {
                bytes = ServerJson.write(response.body());
            } catch (RuntimeException e) {
                LOG.warn("cannot render the answer to {} {} as JSON: {}", exchange.getRequestMethod(),
                        exchange.getRequestURI().getRawPath(), e.getClass().getName());
                response = error(500, "internal_error", "the server failed to render its answer; the log has details");
                bytes = ServerJson.write(response.body());
            }
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        }
        response.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        boolean empty = bytes.length == 0 || response.status() == 204 || "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(response.status(), empty ? -1 : bytes.length);
        if (!empty) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    /** Runs the pattern whose HTTP trigger listens on a method and path below {@code /hooks}. */
    @FunctionalInterface
    public interface Triggers {
        Optional<ApiResponse> fire(String method, String path, dev.keyway.api.ApiRequest request);
    }

    /**
     * Answers paths outside {@code /api}, e.g. the web page.
     */
    @FunctionalInterface
    public interface Handler {
        Optional<ApiResponse> handle(String method, String rawPath, HttpExchange exchange) throws IOException;
    }

    /**
     * Server settings.
     *
     * @param bind           address to listen on (loopback by default)
     * @param port           port, 0 for any free one
     * @param maxBodyBytes   largest request body accepted
     * @param maxHeaderBytes largest request header block accepted
     * @param requestTimeout how long a client may take to send a request
     * @param shutdownGrace  how long running requests may take to finish on shutdown
     * @param threads        request threads
     */
    public record Config(String bind, int port, int maxBodyBytes, int maxHeaderBytes, Duration requestTimeout,
                         Duration shutdownGrace, int threads) {

        public static Config defaults() {
            return new Config("127.0.0.1", 8080, 1 << 20, 16 << 10, Duration.ofSeconds(30), Duration.ofSeconds(30), 32);
        }

        public Config withPort(int newPort) {
            return new Config(bind, newPort, maxBodyBytes, maxHeaderBytes, requestTimeout, shutdownGrace, threads);
        }

        public Config withBind(String newBind) {
            return new Config(newBind, port, maxBodyBytes, maxHeaderBytes, requestTimeout, shutdownGrace, threads);
        }
    }
}
