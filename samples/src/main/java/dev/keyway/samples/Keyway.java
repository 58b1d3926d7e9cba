package dev.keyway.samples;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real {@code bin/keyway} of a distribution as a child process, the way a person would,
 * with its own KEYWAY_HOME.
 */
public final class Keyway {

    private final Path launcher;
    private final Path home;

    Keyway(Path distribution, Path home) {
        this.launcher = distribution.resolve("bin/keyway");
        this.home = home;
    }

    Result run(String stdin, String... args) {
        List<String> command = new ArrayList<>();
        command.add("sh");
        command.add(launcher.toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("KEYWAY_HOME", home.toString());
        builder.environment().remove("KEYWAY_MASTER_KEY");
        try {
            // stderr goes to a file so a chatty child can never block on a full pipe.
            Path errFile = java.nio.file.Files.createTempFile("keyway-stderr", ".txt");
            builder.redirectError(errFile.toFile());
            Process process = builder.start();
            try (OutputStream in = process.getOutputStream()) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
            String out = read(process.getInputStream());
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("keyway " + String.join(" ", args) + " did not finish in 120 s");
            }
            String err = java.nio.file.Files.readString(errFile, StandardCharsets.UTF_8);
            java.nio.file.Files.delete(errFile);
            return new Result(List.of(args), process.exitValue(), out, err);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + launcher + "; build it first with ./mvnw -B -q package -DskipTests", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String read(InputStream stream) throws IOException {
        return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
    }

    /**
     * One finished command.
     *
     * @param args     its arguments
     * @param exitCode its exit code
     * @param out      standard output
     * @param err      standard error
     */
    public record Result(List<String> args, int exitCode, String out, String err) {

        public Result requireSuccess() {
            if (exitCode != 0) {
                throw new IllegalStateException("keyway " + String.join(" ", args) + " failed (exit " + exitCode + "):\n"
                        + out + err);
            }
            return this;
        }
    }
}
