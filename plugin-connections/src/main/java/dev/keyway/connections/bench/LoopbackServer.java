package dev.keyway.connections.bench;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A JDK HTTP server on a free loopback port with a fixed pool of daemon request threads: what the
 * benchmark's upstream and its bare forwarder both run on.
 */
final class LoopbackServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService threads;

    /**
     * Starts serving {@code handler} under {@code path}.
     *
     * @param role    what the server stands for, in thread names and errors
     * @param threads request threads
     * @param backlog pending connections the socket accepts
     */
    LoopbackServer(String role, int threads, int backlog, String path, HttpHandler handler) {
        // Without TCP_NODELAY each small answer waits out a delayed ACK (~40 ms) and that is what
        // gets measured. The JDK reads the property once, when its server class initialises.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        AtomicInteger count = new AtomicInteger();
        this.threads = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "keyway-bench-" + role + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), backlog);
        } catch (IOException e) {
            this.threads.shutdownNow();
            throw new UncheckedIOException("cannot open a loopback port for the benchmark's " + role + "; check that "
                    + "127.0.0.1 is up and has free ports", e);
        }
        server.setExecutor(this.threads);
        server.createContext(path, handler);
        server.start();
    }

    /** {@code 127.0.0.1:port}. */
    String hostAndPort() {
        InetSocketAddress address = server.getAddress();
        return address.getAddress().getHostAddress() + ":" + address.getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
