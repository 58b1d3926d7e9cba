package dev.keyway.connections.bench;

import dev.keyway.api.BenchmarkContext;
import dev.keyway.api.BenchmarkFigure;
import dev.keyway.api.KeywayException;
import dev.keyway.api.support.Throughput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code keyway serve} under load: its resident memory idle and at its peak, and executions per
 * second of HTTP trigger -> pattern -> upstream against a bare forwarder on the same kind of
 * server and client, both driven by the same pooled load client.
 */
final class ServedLoad {

    static final double SHARE_TARGET = 0.85;
    static final double PEAK_TARGET_MB = 300;
    private static final String FORWARDER = "bare JDK-server forwarder";
    private static final Duration BARE_START_TIMEOUT = Duration.ofSeconds(30);
    /** Lets the server finish what follows its first request (lazy set-up, logging) before its idle figure. */
    private static final Duration SETTLE = Duration.ofMillis(500);
    private static final Duration MIN_WARM_UP = Duration.ofSeconds(6);
    private static final int WARM_UP_CONCURRENCY = 8;

    private final BenchmarkContext context;
    private final ChildProcesses children;
    private final BareJvm bareJvm;

    ServedLoad(BenchmarkContext context, ChildProcesses children, BareJvm bareJvm) {
        this.context = context;
        this.children = children;
        this.bareJvm = bareJvm;
    }

    List<BenchmarkFigure> measure(LoopbackUpstream upstream) {
        context.progress("server: starting keyway serve on a fresh home");
        try (PooledClient load = new PooledClient();
             ServedKeyway keyway = ServedKeyway.start(context, children, upstream, load);
             BareForwarder forwarder = new BareForwarder(upstream)) {
            LoadTarget served = keyway.trigger();
            LoadTarget bare = new LoadTarget(FORWARDER, forwarder.uri(), Map.of(), ServerPatterns.ANSWER_MARK);
            served.call(load);
            bare.call(load);
            Thread.sleep(SETTLE.toMillis());
            List<BenchmarkFigure> figures = new ArrayList<>();
            figures.add(idle(ResidentMemory.of(keyway.process()).rssMb()));
            // The server is a fresh JVM while the forwarder runs in this warm one: without a long warm-up
            // the first figure measures the child's JIT compiler (measured: c=1 doubles with 5 s more).
            context.progress("server: warming up keyway serve and the forwarder");
            Duration warmUp = context.perFigure().multipliedBy(2).compareTo(MIN_WARM_UP) < 0 ? MIN_WARM_UP
                    : context.perFigure().multipliedBy(2);
            Throughput.measure(warmUp, WARM_UP_CONCURRENCY, () -> served.call(load));
            Throughput.measure(warmUp.dividedBy(2), WARM_UP_CONCURRENCY, () -> bare.call(load));
            for (int concurrency : concurrencies()) {
                figures.add(rates(load, served, bare, concurrency));
            }
            LoadTarget slowServed = keyway.slowTrigger();
            LoadTarget slowBare = new LoadTarget(FORWARDER, forwarder.slowUri(), Map.of(), ServerPatterns.ANSWER_MARK);
            for (int concurrency : List.of(1, 8)) {
                figures.add(nearbyService(load, slowServed, slowBare, concurrency));
            }
            double peak = ResidentMemory.of(keyway.process()).peakMb();
            figures.add(BenchmarkFigure.of("keyway serve, peak resident memory after the load", peak, "MB", false)
                    .target("< " + (int) PEAK_TARGET_MB + " MB", peak < PEAK_TARGET_MB));
            return figures;
        } catch (IOException e) {
            throw new UncheckedIOException("the served-pattern load failed: " + e.getMessage()
                    + "; check that loopback connections work", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KeywayException("interrupted while measuring keyway serve");
        }
    }

    private List<Integer> concurrencies() {
        return context.quick() ? List.of(1, 8) : List.of(1, 8, PooledClient.MAX_CONCURRENCY);
    }

    /** Idle resident memory, beside an idle bare JVM's when there is a Hello to run. */
    private BenchmarkFigure idle(double rssMb) {
        BenchmarkFigure figure = BenchmarkFigure.of("keyway serve, resident memory idle after 1 request", rssMb, "MB",
                false);
        return bareJvm.idle().map(argv -> figure.against("bare JVM idle: java Hello", bareIdleRss(argv)))
                .orElse(figure);
    }

    private double bareIdleRss(List<String> argv) {
        ChildProcesses.Child child = children.start("bare JVM", argv);
        try {
            child.awaitLine(Pattern.compile("hello"), BARE_START_TIMEOUT);
            return ResidentMemory.of(child.process().toHandle()).rssMb();
        } finally {
            child.stop();
        }
    }

    /**
     * Both sides against an upstream answering in {@link LoopbackUpstream#SLOW}: what the served
     * path's fixed cost amounts to beside a fast real API. No target: that is the figure above.
     */
    private BenchmarkFigure nearbyService(PooledClient load, LoadTarget served, LoadTarget bare, int concurrency) {
        long ms = LoopbackUpstream.SLOW.toMillis();
        context.progress("server: the same with a " + ms + " ms upstream, concurrency " + concurrency);
        Duration time = context.perFigure();
        Throughput.warmUp(time.dividedBy(2), 1, concurrency, () -> bare.call(load), () -> served.call(load));
        double bareRate = Throughput.measure(time, concurrency, () -> bare.call(load));
        double servedRate = Throughput.measure(time, concurrency, () -> served.call(load));
        return BenchmarkFigure.of("trigger -> pattern -> " + ms + " ms upstream, concurrency " + concurrency,
                servedRate, "exec/s", true).against(FORWARDER, bareRate);
    }

    /** Both sides at one concurrency, each warmed up at it first (JIT, pooled connections). */
    private BenchmarkFigure rates(PooledClient load, LoadTarget served, LoadTarget bare, int concurrency) {
        context.progress("server: trigger -> pattern -> upstream vs " + FORWARDER + ", concurrency " + concurrency);
        Duration time = context.perFigure();
        Duration warmUp = time.dividedBy(2);
        Throughput.measure(warmUp, concurrency, () -> bare.call(load));
        double bareRate = Throughput.measure(time, concurrency, () -> bare.call(load));
        Throughput.measure(warmUp, concurrency, () -> served.call(load));
        double servedRate = Throughput.measure(time, concurrency, () -> served.call(load));
        return BenchmarkFigure.of("trigger -> pattern -> upstream, no-store, concurrency " + concurrency, servedRate,
                        "exec/s", true)
                .against(FORWARDER, bareRate)
                .target(">= " + Math.round(SHARE_TARGET * 100) + "% of the bare forwarder",
                        servedRate >= SHARE_TARGET * bareRate);
    }
}
