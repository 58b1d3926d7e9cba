package dev.keyway.connections.bench;

import dev.keyway.api.KeywayException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Starts the server benchmark's child processes and remembers them, so closing ends every one
 * still running, whatever failed in between; so does the JVM's shutdown when the benchmark is
 * stopped with SIGTERM, since no finally block runs then.
 */
final class ChildProcesses implements AutoCloseable {

    private final Path logs;
    private final List<Child> started = new CopyOnWriteArrayList<>();
    private final Thread shutdownHook = new Thread(this::stopAll, "keyway-bench-children-stop");

    /** @param logs a folder for the children's standard error files */
    ChildProcesses(Path logs) {
        this.logs = logs;
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * Starts {@code argv} with its standard output on a pipe. The child gets the caller's
     * environment without its {@code KEYWAY_*} settings, so it uses its own scratch home and never
     * the caller's store, key or user; and this JVM's {@code java}, so the launcher and the bare
     * JVM baseline run the same binary.
     */
    Child start(String what, List<String> argv) {
        return start(what, argv, ProcessBuilder.Redirect.PIPE);
    }

    /**
     * Runs {@code argv} to its end with {@code stdin} as its input and returns its standard output,
     * which goes to a file meanwhile so the timeout holds even when the child hangs.
     */
    String run(String what, List<String> argv, String stdin, Duration timeout) {
        Path out = logs.resolve("child-" + (started.size() + 1) + ".out");
        Child child = start(what, argv, ProcessBuilder.Redirect.to(out.toFile()));
        try {
            try (OutputStream in = child.process().getOutputStream()) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
            child.awaitSuccess(timeout);
            return Files.readString(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("lost the output of " + what, e);
        } finally {
            child.stop();
        }
    }

    private Child start(String what, List<String> argv, ProcessBuilder.Redirect stdout) {
        ProcessBuilder builder = new ProcessBuilder(argv).redirectOutput(stdout);
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(name -> name.startsWith("KEYWAY_"));
        environment.put("JAVA_HOME", System.getProperty("java.home"));
        try {
            Files.createDirectories(logs);
            Path stderr = logs.resolve("child-" + (started.size() + 1) + ".err");
            // A file, not a pipe: a chatty child can never stall on a full standard error.
            builder.redirectError(stderr.toFile());
            Child child = new Child(what, builder.start(), stderr);
            started.add(child);
            return child;
        } catch (IOException e) {
            throw new KeywayException("cannot start %s (%s): %s; check that %s exists and is executable", what,
                    String.join(" ", argv), e.getMessage(), argv.get(0));
        }
    }

    /** Ends every child still running: politely first, then forcibly. */
    @Override
    public void close() {
        stopAll();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // The JVM is shutting down already; the hook does the same.
        }
    }

    private void stopAll() {
        started.forEach(Child::stop);
    }

    /**
     * One started child.
     *
     * @param what   what it is, for messages, e.g. {@code keyway serve}
     * @param stderr the file its standard error goes to
     */
    record Child(String what, Process process, Path stderr) {

        private static final Duration GRACE = Duration.ofSeconds(10);
        private static final int TAIL_LINES = 15;

        /** Waits for the child to exit with 0; anything else is a failure naming it, with its log's end. */
        void awaitSuccess(Duration timeout) {
            try {
                if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    stop();
                    throw failure("did not finish within " + timeout.toSeconds() + " s");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stop();
                throw new KeywayException("interrupted while waiting for %s", what);
            }
            if (process.exitValue() != 0) {
                throw failure("failed with exit code " + process.exitValue());
            }
        }

        /**
         * Reads standard output on a daemon thread until a line matches {@code line}, and goes on
         * reading (and dropping) the rest so the child never blocks on a full pipe.
         *
         * @return the match of the first matching line
         */
        MatchResult awaitLine(Pattern line, Duration timeout) {
            CompletableFuture<MatchResult> found = new CompletableFuture<>();
            Thread reader = new Thread(() -> {
                try (BufferedReader lines = new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    String text;
                    while ((text = lines.readLine()) != null) {
                        Matcher matcher = line.matcher(text);
                        if (!found.isDone() && matcher.find()) {
                            found.complete(matcher.toMatchResult());
                        }
                    }
                } catch (IOException e) {
                    // the child ended; handled below as "ended before"
                }
                found.completeExceptionally(new IllegalStateException("standard output ended"));
            }, "keyway-bench-child-output");
            reader.setDaemon(true);
            reader.start();
            try {
                return found.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                throw failure("printed no line matching '" + line + "' within " + timeout.toSeconds() + " s");
            } catch (ExecutionException e) {
                throw failure("ended before printing a line matching '" + line + "'");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new KeywayException("interrupted while waiting for %s", what);
            }
        }

        /** A failure of this child: what happened, the end of its standard error, and what to do. */
        KeywayException failure(String happened) {
            return new KeywayException("%s %s; its last error lines:%n%s%nrun the same command by hand to see the "
                    + "whole story (the benchmark's scratch home is deleted afterwards)", what, happened, errorTail());
        }

        /** Destroys the child (its shutdown hooks run), then forcibly when it lingers. */
        void stop() {
            if (!process.isAlive()) {
                return;
            }
            process.destroy();
            try {
                if (!process.waitFor(GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly();
                    process.waitFor(GRACE.toMillis(), TimeUnit.MILLISECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }

        private String errorTail() {
            try {
                List<String> lines = Files.readAllLines(stderr, StandardCharsets.UTF_8);
                List<String> tail = lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size());
                return tail.isEmpty() ? "  (none)" : "  " + String.join("\n  ", tail);
            } catch (IOException e) {
                return "  (unreadable: " + e.getMessage() + ")";
            }
        }
    }
}
