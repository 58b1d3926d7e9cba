package dev.keyway.engine.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The built distribution ({@code target/keyway}: launcher, libraries, the real plugin zip) run as
 * separate processes with their own {@code KEYWAY_HOME}, exactly as a user runs it. Everything the
 * processes print is kept, so tests can read the server's log.
 */
final class KeywayProcess implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("Keyway listening on (http://\\S+)");

    private final Path distribution;
    private final Path home;
    private final Map<String, String> environment;
    private final StringBuffer output = new StringBuffer();
    private final List<Thread> readers = new java.util.concurrent.CopyOnWriteArrayList<>();
    private Process server;

    KeywayProcess(Path distribution, Path home) {
        this(distribution, home, Map.of());
    }

    /** With {@code environment} added to every process's (settings such as an OAuth client's). */
    KeywayProcess(Path distribution, Path home, Map<String, String> environment) {
        this.distribution = distribution;
        this.home = home;
        this.environment = Map.copyOf(environment);
        if (!Files.isRegularFile(distribution.resolve("plugins/keyway-connections.zip"))) {
            throw new IllegalStateException("no plugin zip in " + distribution + "; run 'mvn verify' so the reactor builds it");
        }
    }

    /** Runs one CLI command to its end and returns what it printed on stdout. */
    String run(String... args) throws IOException, InterruptedException {
        Completed completed = runToEnd(args);
        if (completed.exitCode() != 0) {
            throw new IllegalStateException("keyway " + String.join(" ", args) + " failed: " + output);
        }
        return completed.out();
    }

    /**
     * A finished CLI command.
     *
     * @param exitCode its exit code
     * @param out      what it printed on stdout
     */
    record Completed(int exitCode, String out) {
    }

    /** Runs one CLI command to its end, whatever its exit code; fails if it takes more than a minute. */
    Completed runToEnd(String... args) throws IOException, InterruptedException {
        Process process = start(args);
        // stderr is drained alongside, so a chatty log cannot fill its pipe and stall the command.
        Thread err = collect(reader(process.getErrorStream()));
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        output.append(out);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("keyway " + String.join(" ", args) + " did not end within a minute: " + output);
        }
        err.join(10_000);
        return new Completed(process.exitValue(), out);
    }

    /** Starts {@code keyway serve --port 0} and returns its base URL once it listens. */
    String serve() throws IOException, InterruptedException {
        server = start("serve", "--port", "0");
        collect(reader(server.getErrorStream()));
        BufferedReader lines = reader(server.getInputStream());
        String line;
        while ((line = lines.readLine()) != null) {
            output.append(line).append('\n');
            Matcher matcher = LISTENING.matcher(line);
            if (matcher.find()) {
                // The same reader goes on: whatever it has buffered past this line belongs to the log too.
                collect(lines);
                return matcher.group(1);
            }
        }
        throw new IllegalStateException("keyway serve ended before listening: " + output);
    }

    /** Everything the processes printed so far: the log. */
    String output() {
        return output.toString();
    }

    boolean serverAlive() {
        return server != null && server.isAlive();
    }

    private Process start(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("sh", distribution.resolve("bin/keyway").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> variables = builder.environment();
        variables.putAll(environment);
        variables.put("KEYWAY_HOME", home.toString());
        variables.put("JAVA_HOME", System.getProperty("java.home"));
        // Debug logging on: the canary must not show up even in the chattiest log.
        variables.put("KEYWAY_LOG_LEVEL", "debug");
        return builder.start();
    }

    private static BufferedReader reader(InputStream stream) {
        return new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8));
    }

    private Thread collect(BufferedReader source) {
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = source) {
                String line;
                while ((line = lines.readLine()) != null) {
                    output.append(line).append('\n');
                }
            } catch (IOException ignored) {
                // the process ended
            }
        }, "keyway-output");
        reader.setDaemon(true);
        reader.start();
        readers.add(reader);
        return reader;
    }

    /** Stops the server as Ctrl-C would (its shutdown hook closes the store) and waits for it. */
    @Override
    public void close() throws InterruptedException {
        if (server != null) {
            server.destroy();
            if (!server.waitFor(30, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
        // The last lines (the shutdown's) are read before anyone looks at the log.
        for (Thread reader : readers) {
            reader.join(5_000);
        }
    }
}
