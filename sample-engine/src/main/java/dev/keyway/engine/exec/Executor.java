package dev.keyway.engine.exec;

import dev.keyway.api.Execution;
import dev.keyway.api.support.AlarmClock;
import dev.keyway.engine.NodeCatalog;
import dev.keyway.engine.pattern.Pattern;
import dev.keyway.engine.record.ExecutionError;
import dev.keyway.engine.record.ExecutionRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;

/**
 * Runs validated patterns. One instance serves any number of concurrent executions. The calling
 * thread runs the execution's nodes itself as long as they form a chain; where branches fork,
 * the extra ones run on the shared pool given here, and the caller then waits for them.
 *
 * <p>Order of events: trigger credential fields are wrapped as secrets, nodes run, the record is
 * built and redacted with every secret seen, then every secret of the execution is destroyed.
 * Nodes must therefore hand out fresh {@link dev.keyway.api.Secret} objects per execution (e.g.
 * via {@code derive}), never a cached instance they still need.
 *
 * <p>A node's time limit starts when it becomes ready, so time spent queued for a pool thread
 * counts against it: size the pool for the branches you expect to run at once. Do not call
 * {@link #run} from a thread of the same bounded pool; it blocks while its nodes need threads.
 * A node past its deadline is recorded as timed out and its thread interrupted; node types must
 * give up then (blocking I/O they start must carry its own deadline), since the thread running
 * it may be the caller's.
 */
public final class Executor {

    public static final Duration DEFAULT_NODE_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration DEFAULT_EXECUTION_TIMEOUT = Duration.ofSeconds(120);

    private final NodeCatalog catalog;
    private final ExecutorService pool;
    private final Clock clock;

    /** Deadlines of every execution in this JVM; a tick of a few ms is far below any useful time limit. */
    private static final class Alarms {
        static final AlarmClock CLOCK = new AlarmClock("keyway-deadlines", Duration.ofMillis(5));
    }

    /**
     * @param pool runs the nodes; needs as many threads as branches should run at once, and is
     *             not shut down here
     */
    public Executor(NodeCatalog catalog, ExecutorService pool, Clock clock) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.pool = Objects.requireNonNull(pool, "pool");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Runs the pattern to the end; never throws for node failures, they are in the record. */
    public ExecutionRecord run(RunRequest request) {
        Pattern pattern = request.pattern();
        Instant startedAt = clock.instant();
        ExecutionSecrets secrets = new ExecutionSecrets();
        Map<String, Object> trigger = TriggerCredentials.wrap(pattern.trigger(), request.trigger());
        secrets.collect(trigger);
        Execution execution = new Execution(ExecutionIds.next(startedAt), pattern.id(), request.principal(),
                request.environment(), trigger, request.noStore(),
                startedAt.plus(pattern.timeoutOr(DEFAULT_EXECUTION_TIMEOUT)));
        ExecutionRun run = new ExecutionRun(pattern, execution, secrets, catalog, pool, Alarms.CLOCK, clock,
                DEFAULT_NODE_TIMEOUT);
        LiveSecrets.add(secrets);
        try {
            run.runToEnd();
            ExecutionError failure = run.failure();
            Map<String, Object> outputs = failure == null ? outputs(pattern, run) : null;
            return new RecordBuilder(secrets.redactor())
                    .build(execution, startedAt, clock.instant(), run.states(), outputs, failure);
        } finally {
            LiveSecrets.remove(secrets);
            secrets.destroyAll();
        }
    }

    private static Map<String, Object> outputs(Pattern pattern, ExecutionRun run) {
        Map<String, Object> outputs = new LinkedHashMap<>();
        pattern.outputs().forEach((name, value) -> outputs.put(name, run.resolver().resolve(value)));
        return outputs;
    }
}
