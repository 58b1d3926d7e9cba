package dev.keyway.connections.bench;

import dev.keyway.api.BenchmarkContext;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The host's CLI as a child process on one scratch home, acting as the benchmark's user. */
final class KeywayCli {

    static final String USER = "bench";
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(120);

    private final BenchmarkContext context;
    private final ChildProcesses children;
    private final Path home;

    KeywayCli(BenchmarkContext context, ChildProcesses children, Path home) {
        this.context = context;
        this.children = children;
        this.home = home;
    }

    /** The whole command line for {@code args}. */
    List<String> argv(String... args) {
        List<String> argv = new ArrayList<>(context.hostCommand(home));
        argv.addAll(List.of("--user", USER));
        argv.addAll(List.of(args));
        return argv;
    }

    /** Runs one command to its end and returns what it printed. */
    String run(String stdin, String... args) {
        return children.run("keyway " + String.join(" ", args), argv(args), stdin, COMMAND_TIMEOUT);
    }

    /** Adds the benchmark's user and returns its API token. */
    String addUser() {
        return run("", "users", "add", USER).trim();
    }

    /**
     * Stores the upstream's connection, the token given on standard input as a user would, with
     * the upstream's loopback address as its only allowed host.
     */
    void addUpstreamConnection(LoopbackUpstream upstream) {
        run(ServerBenchmark.TOKEN + "\n", "connections", "add", "github", "--display-name",
                ServerPatterns.CONNECTION_NAME, "--base-url", upstream.baseUrl(), "--allowed-host",
                upstream.hostAndPort());
    }
}
