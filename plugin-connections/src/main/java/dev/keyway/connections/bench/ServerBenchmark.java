package dev.keyway.connections.bench;

import dev.keyway.api.Benchmark;
import dev.keyway.api.BenchmarkContext;
import dev.keyway.api.BenchmarkFigure;
import dev.keyway.api.KeywayException;
import dev.keyway.connections.crypto.Bytes;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.pf4j.Extension;

/**
 * {@code keyway bench --only server}: Keyway measured as the separate process a user runs, with
 * this host's own command line, against a loopback upstream in the benchmark's JVM that checks
 * the injected credential. Cold start of {@code keyway run} against a bare JVM; resident memory
 * of {@code keyway serve}; HTTP trigger -> pattern -> upstream against a bare forwarder.
 */
@Extension
public final class ServerBenchmark implements Benchmark {

    /** The upstream connection's token: random, in GitHub's shape; it only ever reaches the children's stdin. */
    static final String TOKEN = "ghp_bench" + HexFormat.of().formatHex(Bytes.random(16));
    static final String AUTHORIZATION = "Bearer " + TOKEN;
    /** What {@link LoopbackUpstream} answers. */
    static final String UPSTREAM_PATH = "/user";

    @Override
    public String name() {
        return "server";
    }

    @Override
    public String description() {
        return "Keyway as a separate process against a loopback upstream: 'keyway run' cold start vs a bare JVM, "
                + "'keyway serve' resident memory, and trigger -> pattern -> upstream vs a bare forwarder";
    }

    @Override
    public List<BenchmarkFigure> run(BenchmarkContext context) {
        ResidentMemory.requireProc();
        try (ChildProcesses children = new ChildProcesses(context.scratch().resolve("logs"));
             LoopbackUpstream upstream = new LoopbackUpstream(AUTHORIZATION)) {
            BareJvm bareJvm = BareJvm.prepare(context.scratch().resolve("bare-jvm"));
            List<BenchmarkFigure> figures = new ArrayList<>();
            figures.addAll(new ColdStart(context, children, bareJvm).measure(upstream));
            figures.addAll(new ServedLoad(context, children, bareJvm).measure(upstream));
            if (upstream.rejected() > 0) {
                throw new KeywayException("the upstream refused %d requests for a wrong or missing credential, so the "
                        + "figures are not valid; check how the github provider injects its token",
                        upstream.rejected());
            }
            return figures;
        }
    }
}
