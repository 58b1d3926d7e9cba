package dev.keyway.connections.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyway.connections.testing.CanaryForms;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Captures the log (System.err, where the test logger writes at DEBUG) while a test runs, then
 * looks for canaries in any encoding in the log, in answers and in every file under a folder.
 */
final class CanarySweep implements AutoCloseable {

    private final PrintStream original = System.err;
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();

    CanarySweep() {
        System.setErr(new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                original.write(b);
                synchronized (log) {
                    log.write(b);
                }
            }

            @Override
            public void write(byte[] b, int off, int len) {
                original.write(b, off, len);
                synchronized (log) {
                    log.write(b, off, len);
                }
            }
        }, true, StandardCharsets.UTF_8));
    }

    /**
     * The captured log without HttpClient 5's wire and header loggers, which print every request
     * at DEBUG whatever the caller does (the known, reported host setting: keep them below DEBUG).
     */
    String log() {
        synchronized (log) {
            return log.toString(StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.contains(" org.apache.hc.client5.http.wire - ")
                            && !line.contains(" org.apache.hc.client5.http.headers - "))
                    .collect(Collectors.joining("\n"));
        }
    }

    static void assertAbsent(List<CanaryForms> canaries, String where, String text) {
        for (CanaryForms canary : canaries) {
            assertThat(canary.foundIn(text)).as("a canary in %s", where).isEmpty();
        }
    }

    static void assertAbsentFromFiles(List<CanaryForms> canaries, Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertAbsent(canaries, file.toString(),
                        new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The server's canaries plus the PKCE verifiers the engine sent, which the engine chose itself. */
    static List<CanaryForms> all(TestAuthorizationServer server) {
        List<CanaryForms> canaries = new ArrayList<>(server.canaries());
        server.verifiersSeen().forEach(v -> canaries.add(CanaryForms.of(v, v)));
        return canaries;
    }

    @Override
    public void close() {
        System.setErr(original);
    }
}
