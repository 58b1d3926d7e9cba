package dev.keyway.connections.testing;

import dev.keyway.api.Execution;
import dev.keyway.api.NodeContext;
import dev.keyway.api.NodeLogger;
import dev.keyway.api.NodeSpec;
import dev.keyway.api.Principal;
import dev.keyway.api.Secret;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A NodeContext for calling nodes directly in tests: the spec's defaults applied, a fixed
 * principal and environment, a deadline, and a record of registered secrets and log lines.
 */
public final class TestNodeContext implements NodeContext {

    public static final Principal ALICE = new Principal("alice", "acme");

    private final NodeSpec spec;
    private final Map<String, Object> properties = new HashMap<>();
    private final Map<String, Object> inputs = new HashMap<>();
    private final List<Secret> registered = new CopyOnWriteArrayList<>();
    private final List<String> logLines = new CopyOnWriteArrayList<>();
    private Principal principal = ALICE;
    private String environment = "production";
    private Instant deadline = Instant.now().plusSeconds(30);

    public TestNodeContext(NodeSpec spec) {
        this.spec = spec;
        spec.properties().forEach(f -> f.defaultIfAny().ifPresent(v -> properties.put(f.name(), v)));
        spec.inputs().forEach(f -> f.defaultIfAny().ifPresent(v -> inputs.put(f.name(), v)));
    }

    public TestNodeContext property(String name, Object value) {
        properties.put(name, value);
        return this;
    }

    public TestNodeContext input(String name, Object value) {
        inputs.put(name, value);
        return this;
    }

    public TestNodeContext as(Principal principal, String environment) {
        this.principal = principal;
        this.environment = environment;
        return this;
    }

    public TestNodeContext remaining(Duration remaining) {
        this.deadline = Instant.now().plus(remaining);
        return this;
    }

    public List<Secret> registered() {
        return registered;
    }

    public List<String> logLines() {
        return logLines;
    }

    @Override
    public String nodeId() {
        return "node-1";
    }

    @Override
    public String nodeType() {
        return spec.type();
    }

    @Override
    public Execution execution() {
        return new Execution("exec-1", "pattern-1", principal, environment, Map.of(), false, deadline);
    }

    @Override
    public Map<String, Object> properties() {
        return Collections.unmodifiableMap(properties);
    }

    @Override
    public Map<String, Object> inputs() {
        return Collections.unmodifiableMap(inputs);
    }

    @Override
    public NodeLogger log() {
        return new NodeLogger() {
            @Override
            public void debug(String message, Object... args) {
                logLines.add(message);
            }

            @Override
            public void info(String message, Object... args) {
                logLines.add(message);
            }

            @Override
            public void warn(String message, Object... args) {
                logLines.add(message);
            }
        };
    }

    @Override
    public Secret registerSecret(Secret secret) {
        registered.add(secret);
        return secret;
    }

    @Override
    public Duration remaining() {
        Duration left = Duration.between(Instant.now(), deadline);
        return left.isNegative() ? Duration.ZERO : left;
    }

    @Override
    public boolean isCancelled() {
        return remaining().isZero();
    }
}
