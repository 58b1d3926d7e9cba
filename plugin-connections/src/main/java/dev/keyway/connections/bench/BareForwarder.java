package dev.keyway.connections.bench;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.util.Map;

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

    private static final String SLOW = "/forward-slow";

    private final PooledClient client = new PooledClient();
    private final URI upstream;
    private final URI slowUpstream;
    private final LoopbackServer server;

    BareForwarder(LoopbackUpstream upstream) {
        this.upstream = URI.create(upstream.baseUrl() + ServerBenchmark.UPSTREAM_PATH);
        this.slowUpstream = URI.create(upstream.baseUrl() + LoopbackUpstream.SLOW_PATH);
        this.server = new LoopbackServer("forwarder", THREADS, BACKLOG, "/", this::forward);
    }

    /** Where to send the load. */
    URI uri() {
        return URI.create("http://" + server.hostAndPort() + "/forward");
    }

    /** Where to send the load that the forwarder passes to the upstream's slow path. */
    URI slowUri() {
        return URI.create("http://" + server.hostAndPort() + SLOW);
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            URI target = exchange.getRequestURI().getPath().equals(SLOW) ? slowUpstream : upstream;
            PooledClient.Answer answer;
            try {
                answer = client.send("GET", target, Map.of("Authorization", ServerBenchmark.AUTHORIZATION), null);
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
            server.close();
        } finally {
            client.close();
        }
    }
}
