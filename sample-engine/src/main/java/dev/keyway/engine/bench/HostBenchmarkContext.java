package dev.keyway.engine.bench;

import dev.keyway.api.BenchmarkContext;
import dev.keyway.api.KeywayException;
import dev.keyway.api.Principal;
import dev.keyway.engine.Engine;
import dev.keyway.engine.exec.RunRequest;
import dev.keyway.engine.pattern.Pattern;
import dev.keyway.engine.record.ExecutionRecord;
import dev.keyway.engine.record.ExecutionStatus;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The context the host hands each benchmark: its engine, a scratch folder and how to start itself. */
public final class HostBenchmarkContext implements BenchmarkContext {

    private final Engine engine;
    private final Duration perFigure;
    private final boolean quick;
    private final Path scratch;
    private final Principal principal;
    private final String environment;
    private final Function<Path, List<String>> hostCommand;
    private final PrintWriter progress;

    public HostBenchmarkContext(Engine engine, Duration perFigure, boolean quick, Path scratch, Principal principal,
                                String environment, Function<Path, List<String>> hostCommand, PrintWriter progress) {
        this.engine = engine;
        this.perFigure = perFigure;
        this.quick = quick;
        this.scratch = scratch;
        this.principal = principal;
        this.environment = environment;
        this.hostCommand = hostCommand;
        this.progress = progress;
    }

    @Override
    public Duration perFigure() {
        return perFigure;
    }

    @Override
    public boolean quick() {
        return quick;
    }

    @Override
    public Path scratch() {
        return scratch;
    }

    @Override
    public Principal principal() {
        return principal;
    }

    @Override
    public String environment() {
        return environment;
    }

    @Override
    public PreparedPattern prepare(String patternJson) {
        Pattern pattern = engine.parse(patternJson, "benchmark pattern");
        return trigger -> {
            // No-store, as a production trigger with x-keyway-nostore: the disk is not what is measured.
            ExecutionRecord record = engine.run(new RunRequest(pattern, principal, environment, trigger, true));
            if (record.status() != ExecutionStatus.SUCCEEDED) {
                throw new KeywayException("benchmark pattern %s failed at node %s: %s (%s)", pattern.id(),
                        record.error().nodeId(), record.error().message(), record.error().code());
            }
            return record.outputs();
        };
    }

    @Override
    public List<String> hostCommand(Path home) {
        return hostCommand.apply(home);
    }

    @Override
    public void progress(String message) {
        progress.println("bench: " + message);
        progress.flush();
    }
}
