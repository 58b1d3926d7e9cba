package dev.keyway.engine.cli;

import com.sun.net.httpserver.HttpServer;
import dev.keyway.api.Principal;
import dev.keyway.engine.exec.RunRequest;
import dev.keyway.engine.pattern.Pattern;
import dev.keyway.engine.record.ExecutionRecord;
import dev.keyway.engine.record.ExecutionStatus;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.io.entity.EntityUtils;

/**
 * Executions per second of the manual-header pattern (Get Connection -> Set Property -> HTTP
 * Request, through the real plugin zip and encrypted store) against a loopback upstream, and of
 * the same GET made with a bare pooled HttpClient against the same upstream, in one run.
 *
 * <p>Run: {@code ./mvnw -B -q install -DskipTests && ./mvnw -B -q -pl sample-engine test-compile
 * org.codehaus.mojo:exec-maven-plugin:3.5.1:java -Dexec.mainClass=dev.keyway.engine.cli.ManualHeaderBenchmark
 * -Dexec.classpathScope=test}
 */
public final class ManualHeaderBenchmark {

    private static final String TOKEN = "ghp_bench0123456789abcdef0123456789abcdef";
    /** Client ports seen by the upstream: how many TCP connections each side really used. */
    private static final java.util.Set<Integer> PORTS = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private static final String BODY = "{\"login\":\"bench\",\"id\":1}";

    private ManualHeaderBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path distribution = Path.of(System.getProperty("keyway.distribution", "target/keyway"));
        Path patternFile = Path.of(System.getProperty("keyway.patterns", "../patterns"), "github-whoami-manual-header.json");
        int seconds = Integer.getInteger("bench.seconds", 5);
        Path home = Files.createTempDirectory("keyway-bench-");
        HttpServer upstream = upstream();
        String base = "http://127.0.0.1:" + upstream.getAddress().getPort() + "/github";
        Map<String, String> env = Map.of("KEYWAY_HOME", home.toString(), "KEYWAY_USER", "bench");
        int added = new Cli(env, new ByteArrayInputStream((TOKEN + "\n").getBytes(StandardCharsets.UTF_8)), System.out, System.err)
                .run("--plugins", distribution.resolve("plugins").toString(), "connections", "add", "github",
                        "--display-name", "GitHub", "--base-url", base, "--allowed-host", "127.0.0.1:" + upstream.getAddress().getPort());
        if (added != 0) {
            throw new IllegalStateException("could not create the benchmark connection");
        }
        try (Session session = Session.open(new KeywayHome(home, List.of(distribution.resolve("plugins"))), env);
             CloseableHttpClient bare = HttpClients.custom().setConnectionManager(
                     PoolingHttpClientConnectionManagerBuilder.create().setMaxConnTotal(64).setMaxConnPerRoute(64).build()).build()) {
            Pattern pattern = session.engine().load(patternFile);
            RunRequest request = new RunRequest(pattern, new Principal("bench", "default"), "development", Map.of(), true);
            Task engine = () -> {
                ExecutionRecord record = session.engine().run(request);
                if (record.status() != ExecutionStatus.SUCCEEDED) {
                    throw new IllegalStateException("execution failed: " + record.error());
                }
            };
            Task baseline = () -> {
                HttpGet get = new HttpGet(base + "/user");
                get.setHeader("Authorization", "Bearer " + TOKEN);
                get.setHeader("Accept", "application/vnd.github+json");
                bare.execute(get, response -> {
                    EntityUtils.consume(response.getEntity());
                    if (response.getCode() != 200) {
                        throw new IllegalStateException("bare call answered " + response.getCode());
                    }
                    return null;
                });
            };
            for (int i = 0; i < 200; i++) {
                engine.run();
            }
            PORTS.clear();
            for (int i = 0; i < 100; i++) {
                baseline.run();
            }
            System.out.printf("bare client: 100 calls used %d TCP connections%n", PORTS.size());
            PORTS.clear();
            for (int i = 0; i < 100; i++) {
                engine.run();
            }
            System.out.printf("engine: 100 executions used %d TCP connections%n", PORTS.size());
            ExecutionRecord sample = session.engine().run(request);
            System.out.printf("one warm execution: %d ms in all; per node:%n", sample.durationMs());
            sample.nodes().forEach(n -> System.out.printf("  %-10s %5d ms%n", n.id(), n.durationMs()));
            System.out.printf("%nManual-header pattern vs bare pooled HttpClient, loopback upstream, %d s per figure%n", seconds);
            System.out.printf("%-12s %16s %16s %8s%n", "concurrency", "engine exec/s", "bare calls/s", "ratio");
            for (int concurrency : new int[] {1, 8, 64}) {
                measure(baseline, concurrency, 2);
                measure(engine, concurrency, 2);
                double bareRate = measure(baseline, concurrency, seconds);
                double engineRate = measure(engine, concurrency, seconds);
                System.out.printf("%-12d %16.0f %16.0f %7.0f%%%n", concurrency, engineRate, bareRate, 100 * engineRate / bareRate);
                System.out.printf("  (TCP connections opened so far: %d)%n", PORTS.size());
            }
        } finally {
            upstream.stop(0);
        }
    }

    /** Operations per second over {@code seconds}, with {@code concurrency} threads. */
    private static double measure(Task task, int concurrency, int seconds) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(concurrency);
        AtomicLong done = new AtomicLong();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            futures.add(threads.submit(() -> {
                while (System.nanoTime() < end) {
                    task.run();
                    done.incrementAndGet();
                }
                return null;
            }));
        }
        for (Future<?> future : futures) {
            future.get();
        }
        threads.shutdown();
        return done.get() / ((System.nanoTime() - start) / 1e9);
    }

    private static HttpServer upstream() throws Exception {
        // Without TCP_NODELAY each small answer waits out a delayed ACK (~40 ms) and both sides measure that.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
        server.setExecutor(Executors.newFixedThreadPool(16, r -> { Thread t = new Thread(r); t.setDaemon(true); return t; }));
        byte[] ok = BODY.getBytes(StandardCharsets.UTF_8);
        server.createContext("/github/user", exchange -> {
            PORTS.add(exchange.getRemoteAddress().getPort());
            boolean authorized = ("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"));
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(authorized ? 200 : 401, authorized ? ok.length : -1);
            if (authorized) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(ok);
                }
            }
            exchange.close();
        });
        server.start();
        return server;
    }

    @FunctionalInterface
    private interface Task {
        void run() throws Exception;
    }
}
