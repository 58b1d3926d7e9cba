package dev.keyway.connections.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * An HTTP upstream on 127.0.0.1 that answers at the byte level, so a test can misbehave in ways a
 * real HTTP server never would: stall, drip, reset, lie about lengths, send garbage. Each accepted
 * connection reads one request head, records it, and hands the socket to the {@link Behaviour}.
 */
public final class RawUpstream implements AutoCloseable {

    /** The longest any behaviour waits for the client, so a broken test cannot hang the build. */
    private static final Duration LONGEST_HOLD = Duration.ofSeconds(20);
    private static final int MAX_HEAD_BYTES = 64 * 1024;

    /** How the upstream answers one connection. */
    @FunctionalInterface
    public interface Behaviour {
        void answer(Exchange exchange) throws IOException, InterruptedException;
    }

    private final ServerSocket server;
    private final Behaviour behaviour;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "raw-upstream");
        thread.setDaemon(true);
        return thread;
    });
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final List<String> heads = new CopyOnWriteArrayList<>();

    public RawUpstream(Behaviour behaviour) {
        this.behaviour = behaviour;
        try {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        threads.execute(this::acceptLoop);
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                open.add(socket);
                threads.execute(() -> serve(socket));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            Exchange exchange = new Exchange(socket);
            heads.add(exchange.head);
            behaviour.answer(exchange);
        } catch (IOException | InterruptedException clientWentAway) {
            // The client hanging up on a misbehaving upstream is the point of most behaviours.
        } finally {
            open.remove(socket);
        }
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getLocalPort() + path;
    }

    /** Request heads received so far (request line and headers), in arrival order. */
    public List<String> heads() {
        return List.copyOf(heads);
    }

    /** Connections this upstream still holds open. */
    public int openConnections() {
        return open.size();
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        open.forEach(socket -> {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        });
        threads.shutdownNow();
        try {
            threads.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One accepted connection, its request head read. */
    public static final class Exchange {

        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;
        private final String head;

        Exchange(Socket socket) throws IOException {
            this.socket = socket;
            this.in = socket.getInputStream();
            this.out = socket.getOutputStream();
            this.head = readHead();
        }

        /** The request line and headers as received, up to the blank line. */
        public String head() {
            return head;
        }

        private String readHead() throws IOException {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            int matched = 0;
            byte[] end = {'\r', '\n', '\r', '\n'};
            while (matched < end.length && head.size() < MAX_HEAD_BYTES) {
                int b = in.read();
                if (b == -1) {
                    break;
                }
                head.write(b);
                matched = b == end[matched] ? matched + 1 : (b == end[0] ? 1 : 0);
            }
            return head.toString(StandardCharsets.ISO_8859_1);
        }

        public Exchange send(String text) throws IOException {
            return send(text.getBytes(StandardCharsets.ISO_8859_1));
        }

        public Exchange send(byte[] bytes) throws IOException {
            out.write(bytes);
            out.flush();
            return this;
        }

        /**
         * Waits until the client hangs up (or {@code longest} passes): how an upstream stalls.
         *
         * @return true if the client hung up
         */
        public boolean awaitHangUp(Duration longest) throws IOException {
            socket.setSoTimeout((int) Math.max(1, Math.min(longest.toMillis(), LONGEST_HOLD.toMillis())));
            try {
                while (in.read() != -1) {
                    // A client never sends more on a connection awaiting its answer; discard it anyway.
                }
                return true;
            } catch (SocketTimeoutException stillThere) {
                return false;
            } catch (SocketException reset) {
                return true;
            }
        }

        /** Stalls until the client gives up. */
        public void hang() throws IOException {
            awaitHangUp(LONGEST_HOLD);
        }

        /** Closes with a TCP reset instead of an orderly FIN. */
        public void reset() throws IOException {
            socket.setSoLinger(true, 0);
            socket.close();
        }
    }
}
