package dev.keyway.connections.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The baseline of the served-pattern figure: a JDK HTTP server set up as {@code keyway serve}
 * sets up its own (backlog, fixed pool of request threads, TCP_NODELAY) and a pooled Apache
 * client, with nothing in between. Each request is forwarded to the upstream with the credential
 * added and the upstream's answer is returned: the least any credential proxy has to do.
 */
final class BareForwarder implements AutoCloseable {

    /** What {@code keyway serve} uses by default. */
    private static final int THREADS = 32;
    private static final int BACKLOG = 128;

    private final PooledClient client = new PooledClient();
    private final URI upstream;
    private final ExecutorService threads;
    private final HttpServer server;

    BareForwarder(LoopbackUpstream upstream) {
        this.upstream = URI.create(upstream.baseUrl() + ServerBenchmark.UPSTREAM_PATH);
        // Without TCP_NODELAY each small answer waits out a delayed ACK (~40 ms) and that is what
        // gets measured. The JDK reads the property once, when its server class initialises.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        AtomicInteger count = new AtomicInteger();
        this.threads = Executors.newFixedThreadPool(THREADS, runnable -> {
            Thread thread = new Thread(runnable, "keyway-bench-forwarder-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), BACKLOG);
        } catch (IOException e) {
            threads.shutdownNow();
            throw new UncheckedIOException("cannot open a loopback port for the bare forwarder; check that "
                    + "127.0.0.1 is up and has free ports", e);
        }
        server.setExecutor(threads);
        server.createContext("/", this::forward);
        server.start();
    }

    /** Where to send the load. */
    URI uri() {
        InetSocketAddress address = server.getAddress();
        return URI.create("http://" + address.getAddress().getHostAddress() + ":" + address.getPort() + "/forward");
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            PooledClient.Answer answer;
            try {
                answer = client.send("GET", upstream, Map.of("Authorization", ServerBenchmark.AUTHORIZATION), null);
            } catch (IOException e) {
                // The load client then ends the measurement, naming the status.
                exchange.sendResponseHeaders(502, -1);
                return;
            }
            if (answer.body().length == 0) {
                exchange.sendResponseHeaders(answer.status(), -1);
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(answer.status(), answer.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer.body());
            }
        }
    }

    @Override
    public void close() throws IOException {
        try {
            server.stop(0);
            threads.shutdownNow();
        } finally {
            client.close();
        }
    }
}
