package dev.keyway.api;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** What the host gives a {@link Benchmark}. */
public interface BenchmarkContext {

    /** About how long to measure each figure (after warming up). */
    Duration perFigure();

    /** True for a short smoke run ({@code --quick}): smaller data sets, fewer rounds. */
    boolean quick();

    /** A folder of the benchmark's own, emptied afterwards. */
    Path scratch();

    /** The user and workspace to act as. */
    Principal principal();

    /** The environment patterns run in. */
    String environment();

    /** Validates a pattern once, for running it many times in this process. */
    PreparedPattern prepare(String patternJson);

    /**
     * The command line that starts this host's CLI with the same plugins, for measuring it as a
     * separate process (cold start, resident memory, its HTTP API); add the command's arguments.
     * The child uses {@code home} as its {@code KEYWAY_HOME}.
     */
    List<String> hostCommand(Path home);

    /** Prints a progress line (to standard error), so a long run shows it is alive. */
    void progress(String message);

    /** A validated pattern, ready to run. */
    interface PreparedPattern {

        /**
         * Runs the pattern once with this trigger payload, on the calling thread where the host can.
         *
         * @return the pattern's outputs (secrets masked)
         * @throws KeywayException when the execution failed, naming the node and reason
         */
        Map<String, Object> run(Map<String, Object> trigger);
    }
}
