package dev.keyway.connections.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A stand-in for a provider's API on loopback: answers {@code GET /user} with a small JSON body
 * when the request carries the expected Authorization header, 401 otherwise, and counts both.
 */
final class LoopbackUpstream implements AutoCloseable {

    static final String BODY = "{\"login\":\"bench\",\"id\":1}";

    private final HttpServer server;
    private final ExecutorService threads;
    private final AtomicLong rejected = new AtomicLong();

    LoopbackUpstream(String expectedAuthorization) {
        // Without TCP_NODELAY every small answer waits out a delayed ACK and both sides measure that.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 512);
        } catch (IOException e) {
            throw new IllegalStateException("cannot open a loopback port for the benchmark upstream: " + e.getMessage(), e);
        }
        threads = Executors.newFixedThreadPool(16, runnable -> {
            Thread thread = new Thread(runnable, "keyway-bench-upstream");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(threads);
        byte[] ok = BODY.getBytes(StandardCharsets.UTF_8);
        server.createContext("/user", exchange -> {
            boolean authorized = expectedAuthorization.equals(exchange.getRequestHeaders().getFirst("Authorization"));
            exchange.getRequestBody().readAllBytes();
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
        server.start();
    }

    /** {@code 127.0.0.1:port}, as a connection's allowed host. */
    String hostAndPort() {
        return "127.0.0.1:" + server.getAddress().getPort();
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
        server.stop(0);
        threads.shutdownNow();
    }
}
