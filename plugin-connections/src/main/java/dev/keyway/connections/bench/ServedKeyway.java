package dev.keyway.connections.bench;

import dev.keyway.api.BenchmarkContext;
import dev.keyway.api.KeywayException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code keyway serve --port 0} as a child on a fresh home holding the benchmark's user, the
 * upstream connection and the served pattern (stored over the API, as a user would).
 */
final class ServedKeyway implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("Keyway listening on (http://\\S+)");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final ChildProcesses.Child child;
    private final String origin;
    private final String token;

    private ServedKeyway(ChildProcesses.Child child, String origin, String token) {
        this.child = child;
        this.origin = origin;
        this.token = token;
    }

    static ServedKeyway start(BenchmarkContext context, ChildProcesses children, LoopbackUpstream upstream,
                              PooledClient client) {
        KeywayCli cli = new KeywayCli(context, children, context.scratch().resolve("serve-home"));
        String token = cli.addUser();
        cli.addUpstreamConnection(upstream);
        ChildProcesses.Child child = children.start("keyway serve", cli.argv("serve", "--port", "0"));
        ServedKeyway served = new ServedKeyway(child, child.awaitLine(LISTENING, START_TIMEOUT).group(1), token);
        served.store(client);
        return served;
    }

    /**
     * The served pattern's trigger, asked not to store records ({@code x-keyway-nostore: 1}):
     * the engine and the credential path are measured here, not the disk.
     */
    LoadTarget trigger() {
        return trigger(ServerPatterns.TRIGGER_PATH);
    }

    /** The trigger of the pattern that calls the upstream's slow path. */
    LoadTarget slowTrigger() {
        return trigger(ServerPatterns.SLOW_TRIGGER_PATH);
    }

    private LoadTarget trigger(String path) {
        return new LoadTarget("keyway serve's trigger /hooks" + path, URI.create(origin + "/hooks" + path),
                Map.of("Authorization", "Bearer " + token, "x-keyway-nostore", "1"), ServerPatterns.ANSWER_MARK);
    }

    ProcessHandle process() {
        return child.process().toHandle();
    }

    private void store(PooledClient client) {
        store(client, ServerPatterns.SERVED_ID, ServerPatterns.served());
        store(client, ServerPatterns.SLOW_ID, ServerPatterns.served(ServerPatterns.SLOW_ID,
                ServerPatterns.SLOW_TRIGGER_PATH, LoopbackUpstream.SLOW_PATH));
    }

    private void store(PooledClient client, String id, String pattern) {
        URI uri = URI.create(origin + "/api/patterns/" + id);
        try {
            PooledClient.Answer answer = client.send("PUT", uri, Map.of("Authorization", "Bearer " + token),
                    pattern.getBytes(StandardCharsets.UTF_8));
            if (answer.status() != 200 && answer.status() != 201) {
                throw new KeywayException("storing the benchmark pattern with PUT %s answered HTTP %d: %s; the "
                        + "pattern or the plugin's node types changed, so fix ServerPatterns", uri, answer.status(),
                        answer.text());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach keyway serve at " + origin + " to store the benchmark pattern",
                    e);
        }
    }

    /** Stops the server as Ctrl-C would, forcibly when it does not stop in time. */
    @Override
    public void close() {
        child.stop();
    }
}
