package dev.keyway.connections.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.keyway.api.NodeException;
import dev.keyway.api.Secret;
import dev.keyway.connections.nodes.HttpRequestNode;
import dev.keyway.connections.nodes.NodeServices;
import dev.keyway.connections.nodes.ResolvedConnection;
import dev.keyway.connections.providers.ProviderCatalogue;
import dev.keyway.connections.testing.CanaryForms;
import dev.keyway.connections.testing.Concurrently;
import dev.keyway.connections.testing.InMemoryResolver;
import dev.keyway.connections.testing.LoopbackServer;
import dev.keyway.connections.testing.RawUpstream;
import dev.keyway.connections.testing.TestNodeContext;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * HTTP Request against upstreams that misbehave at the byte level. Every fault must end in a
 * NodeException with the right code, a message that names the request and says what to do, no
 * trace of the credential anywhere, within the request's deadline, and with the pool's connection
 * given back.
 */
@Timeout(30)
class UpstreamFaultsTest {

    /** The alarm ticks every 10 ms; the rest is scheduling on a busy two-core machine. */
    static final Duration SLACK = Duration.ofMillis(1500);
    static final Duration SHORT = Duration.ofMillis(800);
    static final Duration LONG = Duration.ofSeconds(5);
    static final int MAX_BYTES = 4096;

    private static final CanaryForms CANARY = CanaryForms.plant("canary-faults-");

    private final SafeHttpClient http = new SafeHttpClient(new HttpSettings(Duration.ofSeconds(5), 8, 4,
            Duration.ofSeconds(30), SystemDefaultDnsResolver.INSTANCE));
    private final InMemoryResolver resolver = new InMemoryResolver().add(TestNodeContext.ALICE, "production",
            new ResolvedConnection("conn_faults", "bearer", "Faulty API", "bearer", "http://127.0.0.1", List.of("127.0.0.1"),
                    Map.of("token", Secret.of(CANARY.value()))));
    private final NodeServices services = new NodeServices(ProviderCatalogue.builtIn(), resolver, http);
    private final HttpRequestNode node = new HttpRequestNode(() -> services);
    private PoolStats before;

    /** Class loading on the first request would count against its deadline; pay it before any is timed. */
    @BeforeAll
    static void warmUp() {
        try (SafeHttpClient client = new SafeHttpClient(HttpSettings.defaults());
             RawUpstream upstream = new RawUpstream(exchange -> exchange.send(
                     "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}"))) {
            new HttpRequestNode(() -> new NodeServices(ProviderCatalogue.builtIn(), new InMemoryResolver(), client))
                    .execute(new TestNodeContext(new HttpRequestNode().spec()).property("url", upstream.url("/")));
        }
    }

    @BeforeEach
    void recordPool() {
        before = http.poolStats();
    }

    @AfterEach
    void poolIsAsBefore() {
        PoolStats after = http.poolStats();
        http.close();
        assertThat(after.leased()).as("leased connections after the test").isEqualTo(before.leased()).isZero();
        assertThat(after.pending()).as("exchanges waiting for a connection").isEqualTo(before.pending()).isZero();
    }

    /**
     * One way an upstream misbehaves and how the request must end.
     *
     * @param hint words of the message's advice, so each error says what to do next
     */
    record Fault(String name, RawUpstream.Behaviour behaviour, String code, Duration timeout, String hint) {

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Fault> faults() {
        return Stream.of(
                new Fault("slow first byte", exchange -> {
                    exchange.awaitHangUp(SHORT.plusSeconds(1));
                    exchange.send("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}");
                }, "timeout", SHORT, "raise timeoutMs"),
                new Fault("hanging after headers", exchange -> {
                    exchange.send("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{");
                    exchange.hang();
                }, "timeout", SHORT, "raise timeoutMs"),
                new Fault("slow drip body", exchange -> {
                    exchange.send("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 2000\r\n\r\n");
                    for (int i = 0; i < 400; i++) {
                        exchange.send("x");
                        Thread.sleep(50);
                    }
                }, "timeout", SHORT, "raise timeoutMs"),
                new Fault("connection reset mid-response", exchange -> {
                    exchange.send("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 1000\r\n\r\npartial");
                    Thread.sleep(50);
                    exchange.reset();
                }, "http_failed", LONG, "retry"),
                new Fault("connection closed before any response", exchange -> { }, "http_failed", LONG, "check"),
                new Fault("Content-Length beyond maxResponseBytes", exchange -> {
                    exchange.send("HTTP/1.1 200 OK\r\nContent-Length: 1000000000\r\n\r\nxxxx");
                    exchange.hang();
                }, "response_too_large", LONG, "raise maxResponseBytes"),
                new Fault("endless body", exchange -> {
                    exchange.send("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nConnection: close\r\n\r\n");
                    byte[] block = new byte[8192];
                    for (int i = 0; i < 100_000; i++) {
                        exchange.send(block);
                    }
                }, "response_too_large", LONG, "raise maxResponseBytes"),
                new Fault("endless header section", exchange -> {
                    exchange.send("HTTP/1.1 200 OK\r\n");
                    for (int i = 0; i < 10_000_000; i++) {
                        exchange.send("X-Pad-" + i + ": " + "p".repeat(100) + "\r\n");
                    }
                }, "response_too_large", LONG, "check"),
                new Fault("one endless header line", exchange -> {
                    exchange.send("HTTP/1.1 200 OK\r\nX-Long: ");
                    byte[] block = "a".repeat(8192).getBytes();
                    for (int i = 0; i < 100_000; i++) {
                        exchange.send(block);
                    }
                }, "response_too_large", LONG, "check"),
                new Fault("malformed status line", exchange -> exchange.send("HTTP/1.1 two hundred OK\r\n\r\n"),
                        "http_failed", LONG, "check"),
                new Fault("status line cut short", exchange -> exchange.send("HTTP/1.1 20"), "http_failed", LONG, "check"),
                new Fault("garbage bytes", exchange -> {
                    byte[] garbage = new byte[4096];
                    new Random(7).nextBytes(garbage);
                    exchange.send(garbage);
                }, "http_failed", LONG, "check"),
                new Fault("the request echoed back as the answer", exchange -> exchange.send(exchange.head()),
                        "http_failed", LONG, "check"),
                new Fault("a header echoing the credential, malformed", exchange -> exchange.send(
                        "HTTP/1.1 200 OK\r\n" + exchange.head().lines().skip(1).map(line -> line.replace(':', ' '))
                                .reduce("", (a, b) -> a + b + "\r\n") + "\r\n"),
                        "http_failed", LONG, "check"),
                new Fault("Content-Length larger than the body, then close", exchange ->
                        exchange.send("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 100\r\n\r\nshort"),
                        "http_failed", LONG, "retry"),
                new Fault("invalid chunked encoding", exchange -> exchange.send(
                        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nnot a chunk\r\n0\r\n\r\n"),
                        "http_failed", LONG, "check"),
                new Fault("chunked body cut short", exchange -> exchange.send(
                        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n100\r\nonly a little"),
                        "http_failed", LONG, "retry"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("faults")
    void everyFaultEndsInAClearErrorWithinItsDeadline(Fault fault) {
        try (RawUpstream upstream = new RawUpstream(fault.behaviour())) {
            TestNodeContext context = context(upstream, fault.timeout());

            long start = System.nanoTime();
            NodeException error = catchThrowableOfType(NodeException.class, () -> node.execute(context));
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(error).as("the node must fail with a NodeException").isNotNull();
            assertThat(error.code()).as(error.getMessage()).isEqualTo(fault.code());
            assertThat(error.getMessage()).contains("GET " + upstream.url("/api/items")).contains(fault.hint());
            assertThat(took).as("time taken").isLessThan(fault.timeout().plus(SLACK));
            assertNoCanary(stackTrace(error), context);
            assertThat(upstream.heads()).as("the canary really was sent").singleElement()
                    .asString().contains("Bearer " + CANARY.value());
            assertThat(resolver.uses()).extracting(InMemoryResolver.Use::outcome).containsExactly(fault.code());
        }
    }

    @Test
    void jsonThatIsNotJsonComesThroughAsText() {
        String body = "{\"echo\": \"Bearer " + CANARY.value() + "\", oops";
        try (RawUpstream upstream = new RawUpstream(exchange -> exchange.send("HTTP/1.1 200 OK\r\n"
                + "Content-Type: application/json; charset=utf-8\r\nContent-Length: " + body.getBytes().length
                + "\r\n\r\n" + body))) {
            TestNodeContext context = context(upstream, LONG);

            Map<String, Object> out = node.execute(context);

            assertThat(out).containsEntry("status", 200).containsEntry("ok", true)
                    .containsEntry("body", "{\"echo\": \"" + Secret.MASK + "\", oops");
            assertNoCanary(out.toString(), context);
        }
    }

    @Test
    void twoHundredRequestsMixingGoodAndFaultyUpstreamsGiveEveryConnectionBack() {
        List<Fault> faults = faults().toList();
        List<RawUpstream> upstreams = faults.stream().map(fault -> new RawUpstream(fault.behaviour())).toList();
        try (LoopbackServer good = new LoopbackServer().on("/", LoopbackServer.json("{\"ok\":true}"));
             PoolSampler sampler = new PoolSampler(http)) {
            List<Callable<String>> requests = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                int kind = i % (faults.size() + 1);
                if (kind == faults.size()) {
                    requests.add(() -> outcome(context(good.url("/api/items"), LONG), LONG));
                } else {
                    Fault fault = faults.get(kind);
                    RawUpstream upstream = upstreams.get(kind);
                    requests.add(() -> outcome(context(upstream.url("/api/items"), fault.timeout()), fault.timeout())
                            + " from " + fault.name());
                }
            }

            List<String> outcomes = Concurrently.run(16, Duration.ofSeconds(40), requests);

            for (int i = 0; i < outcomes.size(); i++) {
                int kind = i % (faults.size() + 1);
                String expected = kind == faults.size() ? "200" : faults.get(kind).code() + " from " + faults.get(kind);
                assertThat(outcomes.get(i)).as("request %d", i).isEqualTo(expected);
            }
            assertThat(sampler.mostHeld()).as("most connections the pool held at once").isLessThanOrEqualTo(8);
            PoolStats after = http.poolStats();
            assertThat(after.leased()).isZero();
            assertThat(after.pending()).isZero();
            assertThat(after.available()).isLessThanOrEqualTo(after.max());
            // Released is not enough: a connection dropped from the pool but left open would leak a socket.
            for (RawUpstream upstream : upstreams) {
                assertThat(eventually(() -> upstream.openConnections() == 0, Duration.ofSeconds(5)))
                        .as("the faulty upstreams see every connection closed").isTrue();
            }
        } finally {
            upstreams.forEach(RawUpstream::close);
        }
    }

    /** Runs one request; its status, or its error's code once checked for a clear, canary-free message. */
    private String outcome(TestNodeContext context, Duration timeout) {
        long start = System.nanoTime();
        try {
            return String.valueOf(node.execute(context).get("status"));
        } catch (NodeException e) {
            assertThat(e.getMessage()).startsWith("GET http://127.0.0.1:");
            assertNoCanary(stackTrace(e), context);
            return e.code();
        } finally {
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("time taken").isLessThan(timeout.plus(SLACK));
        }
    }

    private TestNodeContext context(RawUpstream upstream, Duration timeout) {
        return context(upstream.url("/api/items"), timeout);
    }

    private TestNodeContext context(String url, Duration timeout) {
        return new TestNodeContext(node.spec())
                .property("method", "GET")
                .property("url", url)
                .property("connection", "conn_faults")
                .property("timeoutMs", (int) timeout.toMillis())
                .property("maxResponseBytes", MAX_BYTES)
                .input("query", Map.of("page", "2", "sig", Secret.of(CANARY.value())));
    }

    private static void assertNoCanary(String text, TestNodeContext context) {
        assertThat(CANARY.foundIn(text)).as("canary forms in %s", text).isEmpty();
        assertThat(CANARY.foundIn(String.join("\n", context.logLines()))).as("canary forms in the node's log").isEmpty();
    }

    private static boolean eventually(BooleanSupplier condition, Duration bound) {
        long deadline = System.nanoTime() + bound.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            LockSupport.parkNanos(10_000_000);
        }
        return true;
    }

    /** Samples the pool while requests run, to catch it holding more connections than allowed. */
    private static final class PoolSampler implements AutoCloseable {

        private final AtomicInteger mostHeld = new AtomicInteger();
        private final Thread thread;

        PoolSampler(SafeHttpClient http) {
            thread = new Thread(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    PoolStats stats = http.poolStats();
                    mostHeld.accumulateAndGet(stats.leased() + stats.available(), Math::max);
                    LockSupport.parkNanos(1_000_000);
                }
            }, "pool-sampler");
            thread.setDaemon(true);
            thread.start();
        }

        int mostHeld() {
            return mostHeld.get();
        }

        @Override
        public void close() {
            thread.interrupt();
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static String stackTrace(Throwable error) {
        StringWriter trace = new StringWriter();
        error.printStackTrace(new PrintWriter(trace));
        return trace.toString();
    }
}
