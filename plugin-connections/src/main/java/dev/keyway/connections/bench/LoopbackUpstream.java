package dev.keyway.connections.bench;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A stand-in for a provider's API on loopback: answers {@code GET /user} with a small JSON body
 * when the request carries the expected Authorization header, 401 otherwise, and counts both.
 * {@code GET /user/slow} answers the same after {@link #SLOW}, about what a nearby real API takes.
 */
final class LoopbackUpstream implements AutoCloseable {

    static final String BODY = "{\"login\":\"bench\",\"id\":1}";
    static final String SLOW_PATH = "/user/slow";
    static final Duration SLOW = Duration.ofMillis(1);

    private final LoopbackServer server;
    private final AtomicLong rejected = new AtomicLong();

    LoopbackUpstream(String expectedAuthorization) {
        byte[] ok = BODY.getBytes(StandardCharsets.UTF_8);
        server = new LoopbackServer("upstream", 16, 512, "/user", exchange -> {
            boolean authorized = expectedAuthorization.equals(exchange.getRequestHeaders().getFirst("Authorization"));
            exchange.getRequestBody().readAllBytes();
            if (exchange.getRequestURI().getPath().equals(SLOW_PATH)) {
                try {
                    Thread.sleep(SLOW.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (authorized) {
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, ok.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(ok);
                }
            } else {
                rejected.incrementAndGet();
                exchange.sendResponseHeaders(401, -1);
            }
            exchange.close();
        });
    }

    /** {@code 127.0.0.1:port}, as a connection's allowed host. */
    String hostAndPort() {
        return server.hostAndPort();
    }

    String baseUrl() {
        return "http://" + hostAndPort();
    }

    /** Requests refused for a wrong or missing credential: must stay 0 for a valid run. */
    long rejected() {
        return rejected.get();
    }

    @Override
    public void close() {
        server.close();
    }
}
