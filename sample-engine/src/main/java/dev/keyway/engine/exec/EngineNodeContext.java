package dev.keyway.engine.exec;

import dev.keyway.api.Execution;
import dev.keyway.api.NodeContext;
import dev.keyway.api.NodeLogger;
import dev.keyway.api.Secret;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** What a node sees while it runs. */
final class EngineNodeContext implements NodeContext {

    private final String nodeId;
    private final String nodeType;
    private final Execution execution;
    private final NodeInputs values;
    private final NodeLogger log;
    private final ExecutionSecrets secrets;
    private final Instant deadline;
    private final Clock clock;
    private final BooleanSupplier executionCancelled;

    EngineNodeContext(String nodeId, String nodeType, Execution execution, NodeInputs values, NodeLogger log,
                      ExecutionSecrets secrets, Instant deadline, Clock clock, BooleanSupplier executionCancelled) {
        this.nodeId = nodeId;
        this.nodeType = nodeType;
        this.execution = execution;
        this.values = values;
        this.log = log;
        this.secrets = secrets;
        this.deadline = deadline;
        this.clock = clock;
        this.executionCancelled = executionCancelled;
    }

    @Override
    public String nodeId() {
        return nodeId;
    }

    @Override
    public String nodeType() {
        return nodeType;
    }

    @Override
    public Execution execution() {
        return execution;
    }

    @Override
    public Map<String, Object> properties() {
        return values.properties();
    }

    @Override
    public Map<String, Object> inputs() {
        return values.inputs();
    }

    @Override
    public NodeLogger log() {
        return log;
    }

    @Override
    public Secret registerSecret(Secret secret) {
        return secrets.register(java.util.Objects.requireNonNull(secret, "secret"));
    }

    @Override
    public Duration remaining() {
        Duration left = Duration.between(clock.instant(), deadline);
        return left.isNegative() ? Duration.ZERO : left;
    }

    @Override
    public boolean isCancelled() {
        return executionCancelled.getAsBoolean() || !clock.instant().isBefore(deadline)
                || Thread.currentThread().isInterrupted();
    }
}
