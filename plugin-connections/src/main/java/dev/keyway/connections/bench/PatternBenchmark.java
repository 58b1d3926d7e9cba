package dev.keyway.connections.bench;

import dev.keyway.api.Benchmark;
import dev.keyway.api.BenchmarkContext;
import dev.keyway.api.BenchmarkFigure;
import dev.keyway.api.KeywayException;
import dev.keyway.api.Secret;
import dev.keyway.api.support.Throughput;
import dev.keyway.connections.ConnectionType;
import dev.keyway.connections.ConnectionsRuntime;
import dev.keyway.connections.service.ConnectionService;
import dev.keyway.connections.service.NewConnectionRequest;
import dev.keyway.connections.store.Connection;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.pf4j.Extension;

/**
 * The manual-header pattern (Get Connection -> Set Property -> HTTP Request) run in process
 * through the host's engine, against the same GET made with a bare pooled HttpClient, both
 * calling one loopback upstream that checks the credential, at concurrency 1, 8 and 64.
 */
@Extension
public final class PatternBenchmark implements Benchmark {

    static final double TARGET = 0.85;
    /** Each side's share of the opening warm-up, a third at a time (measured: C2 still works 30 s in). */
    private static final Duration MIN_WARM_UP = Duration.ofSeconds(6);
    private static final int WARM_UP_CONCURRENCY = 8;
    private static final String PATTERN = """
            {"id": "bench-manual-header", "name": "bench: manual header",
             "nodes": [
               {"id": "cred", "type": "connections.get-connection", "properties": {"connection": "%s"}},
               {"id": "headers", "type": "connections.set-property",
                "properties": {"path": "Authorization", "template": "Bearer {value}"},
                "inputs": {"object": {"Accept": "application/json"}, "value": {"from": "cred.credentials.token"}}},
               {"id": "call", "type": "connections.http-request",
                "properties": {"method": "GET", "url": "{baseUrl}%s"},
                "inputs": {"headers": {"from": "headers.object"}, "baseUrl": {"from": "cred.baseUrl"}}}
             ],
             "outputs": {"login": {"from": "call.body.login"}}}
            """;

    private final Supplier<ConnectionsRuntime> runtime;

    public PatternBenchmark() {
        this(ConnectionsRuntime::require);
    }

    PatternBenchmark(Supplier<ConnectionsRuntime> runtime) {
        this.runtime = runtime;
    }

    private static Duration warmUp(BenchmarkContext context) {
        Duration wanted = context.quick() ? context.perFigure() : context.perFigure().multipliedBy(2);
        Duration each = wanted.compareTo(MIN_WARM_UP) < 0 && !context.quick() ? MIN_WARM_UP : wanted;
        return each.dividedBy(3);
    }

    private static Throughput.Operation engine(BenchmarkContext context, String connectionId, String path) {
        BenchmarkContext.PreparedPattern pattern = context.prepare(PATTERN.formatted(connectionId, path));
        return () -> {
            if (!"bench".equals(pattern.run(Map.of()).get("login"))) {
                throw new IllegalStateException("the pattern did not return the upstream's answer");
            }
        };
    }

    private static Throughput.Operation bare(CloseableHttpClient client, String url, String token) {
        return () -> {
            HttpGet get = new HttpGet(url);
            get.setHeader("Authorization", "Bearer " + token);
            get.setHeader("Accept", "application/json");
            client.execute(get, response -> {
                EntityUtils.consume(response.getEntity());
                if (response.getCode() != 200) {
                    throw new IOException("the bare call got " + response.getCode());
                }
                return null;
            });
        };
    }

    /**
     * The same comparison against an upstream that takes {@link LoopbackUpstream#SLOW} to answer:
     * what the engine's fixed cost per execution amounts to beside a fast real API. No target: the
     * target is the zero-latency comparison above.
     */
    private static List<BenchmarkFigure> nearbyService(BenchmarkContext context, Throughput.Operation engine,
                                                       Throughput.Operation baseline) {
        List<BenchmarkFigure> figures = new ArrayList<>();
        for (int threads : new int[] {1, 8}) {
            context.progress("pattern: " + LoopbackUpstream.SLOW.toMillis() + " ms upstream, concurrency " + threads);
            Duration time = context.perFigure();
            Throughput.warmUp(time.dividedBy(2), 1, threads, baseline, engine);
            double bareRate = Throughput.measure(time, threads, baseline);
            double engineRate = Throughput.measure(time, threads, engine);
            figures.add(BenchmarkFigure.of("manual-header pattern, " + LoopbackUpstream.SLOW.toMillis()
                            + " ms upstream, concurrency " + threads, engineRate, "exec/s", true)
                    .against("bare pooled HttpClient", bareRate));
        }
        return figures;
    }

    @Override
    public String name() {
        return "pattern";
    }

    @Override
    public String description() {
        return "manual-header pattern in process vs a bare pooled HttpClient, loopback upstream";
    }

    @Override
    public List<BenchmarkFigure> run(BenchmarkContext context) {
        String token = "ghp_bench" + java.util.HexFormat.of().formatHex(dev.keyway.connections.crypto.Bytes.random(16));
        ConnectionService connections = runtime.get().connections();
        try (LoopbackUpstream upstream = new LoopbackUpstream("Bearer " + token);
             CloseableHttpClient bare = HttpClients.custom().setConnectionManager(PoolingHttpClientConnectionManagerBuilder
                     .create().setMaxConnTotal(128).setMaxConnPerRoute(128).build()).build()) {
            Connection connection = connections.create(context.principal(), context.environment(),
                    new NewConnectionRequest("github", ConnectionType.API_KEY, "Bench GitHub", context.environment(),
                            Map.of(connections.apiKeyField("github"), Secret.of(token)), Set.of(),
                            upstream.baseUrl(), List.of(upstream.hostAndPort()))).connection();
            try {
                Throughput.Operation engine = engine(context, connection.id(), "/user");
                Throughput.Operation baseline = bare(bare, upstream.baseUrl() + "/user", token);
                List<BenchmarkFigure> figures = new ArrayList<>();
                context.progress("pattern: warming up both sides");
                Throughput.warmUp(warmUp(context), 3, WARM_UP_CONCURRENCY, baseline, engine);
                int[] levels = context.quick() ? new int[] {1, 8} : new int[] {1, 8, 64};
                for (int threads : levels) {
                    context.progress("pattern: concurrency " + threads);
                    Duration time = context.perFigure();
                    Throughput.warmUp(time.dividedBy(2), 1, threads, baseline, engine);
                    double bareRate = Throughput.measure(time, threads, baseline);
                    double engineRate = Throughput.measure(time, threads, engine);
                    figures.add(BenchmarkFigure.of("manual-header pattern, concurrency " + threads, engineRate,
                                    "exec/s", true)
                            .against("bare pooled HttpClient", bareRate)
                            .target(">= 85% of baseline", engineRate >= TARGET * bareRate));
                }
                figures.addAll(nearbyService(context, engine(context, connection.id(), LoopbackUpstream.SLOW_PATH),
                        bare(bare, upstream.baseUrl() + LoopbackUpstream.SLOW_PATH, token)));
                if (upstream.rejected() > 0) {
                    throw new KeywayException("the upstream refused %d requests for a wrong credential; the "
                            + "figures are not valid", upstream.rejected());
                }
                return figures;
            } finally {
                connections.store().delete(connection.id(), context.principal());
            }
        } catch (IOException e) {
            throw new KeywayException("the benchmark's HTTP client could not be closed: %s", e.getMessage());
        }
    }
}
