package dev.keyway.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The host stays generic: its code never names the connections plugin or its packages, so
 * any plugin can bring its whole feature (the CLI and server tests run the engine with only a
 * test plugin loaded).
 */
class GenericHostTest {

    @Test
    void mainCodeNeverMentionsConnections() throws IOException {
        List<Path> offending;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            offending = files.filter(Files::isRegularFile)
                    .filter(GenericHostTest::mentionsConnections)
                    .toList();
        }
        assertThat(offending).isEmpty();
    }

    private static boolean mentionsConnections(Path file) {
        try {
            String text = Files.readString(file).toLowerCase(Locale.ROOT);
            return text.contains("connection") || text.contains("dev.keyway.connections");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
