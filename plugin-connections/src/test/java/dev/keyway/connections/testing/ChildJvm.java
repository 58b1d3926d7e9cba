package dev.keyway.connections.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A {@code main} class of the test classpath run in its own JVM, so a test can SIGKILL it
 * ({@link Process#destroyForcibly}: no shutdown hook, no close, no flush) at a moment it picks
 * from what the child printed. The child prints one line per acknowledged step on stdout, only
 * after the step is durable; stderr goes to a file for the failure message.
 */
public final class ChildJvm {

    private final Process process;
    private final Path stderr;

    private ChildJvm(Process process, Path stderr) {
        this.process = process;
        this.stderr = stderr;
    }

    public static ChildJvm start(Class<?> main, Map<String, String> environment, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(args));
        try {
            Path stderr = Files.createTempFile("child-jvm", ".err");
            stderr.toFile().deleteOnExit();
            ProcessBuilder builder = new ProcessBuilder(command).redirectError(stderr.toFile());
            builder.environment().putAll(environment);
            return new ChildJvm(builder.start(), stderr);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a JVM for " + main.getName(), e);
        }
    }

    /**
     * Hands every stdout line to {@code keepReading} until it answers false, then, after a random
     * pause of up to {@code jitterMillis} (so the kill lands anywhere in the child's next step, not
     * just after a print), SIGKILLs the child and waits for it to be gone. A child that stalls or
     * ends early fails the test after {@code deadlineSeconds}, with its stderr.
     */
    public void killWhen(Predicate<String> keepReading, int jitterMillis, long deadlineSeconds)
            throws InterruptedException {
        Thread watchdog = new Thread(() -> {
            try {
                if (!process.waitFor(deadlineSeconds, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "child-jvm-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        boolean killed = false;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (!keepReading.test(line)) {
                    Thread.sleep(ThreadLocalRandom.current().nextInt(jitterMillis + 1));
                    process.destroyForcibly(); // before the pipe closes: the child gets no hint
                    killed = true;
                    break;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            // Also when the test gave up on an assertion: no child outlives it.
            process.destroyForcibly();
        }
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the child JVM survived SIGKILL for 30 s");
        }
        watchdog.interrupt();
        if (!killed) {
            throw new IllegalStateException("the child JVM ended (exit " + process.exitValue() + ") before the test "
                    + "killed it; its stderr:\n" + stderrText());
        }
    }

    public String stderrText() {
        try {
            return Files.readString(stderr, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(stderr unreadable: " + e.getMessage() + ")";
        }
    }
}
