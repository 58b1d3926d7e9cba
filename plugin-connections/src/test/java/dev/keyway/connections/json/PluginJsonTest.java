package dev.keyway.connections.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.util.BufferRecyclers;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The plugin's JSON leaves nothing in the threads it runs on: a host thread that keeps a
 * thread-local buffer from the plugin's Jackson keeps the whole plugin loaded after unload.
 */
class PluginJsonTest {

    @Test
    void readingAndWritingLeavesNoBufferInTheCallingThread() throws Exception {
        AtomicReference<Object> left = new AtomicReference<>();
        Thread host = new Thread(() -> {
            try {
                JsonNode tree = PluginJson.mapper().readTree("{\"a\": [1, \"x\", {\"b\": null}]}");
                PluginJson.mapper().writeValueAsString(tree);
                PluginJson.builder().build().writeValueAsBytes(Map.of("k", List.of(1, 2)));
                PluginJson.mapper().readValue("[\"" + "y".repeat(10_000) + "\"]", List.class);
                left.set(ThreadLocalBuffers.current());
            } catch (Exception e) {
                left.set(e);
            }
        });
        host.start();
        host.join(10_000);

        assertThat(left.get()).as("the thread-local buffer Jackson left in the thread").isNull();
    }

    @Test
    void noOtherMapperIsMadeInThePluginsSources() throws Exception {
        Path sources = Path.of("src/main/java");
        try (Stream<Path> files = Files.walk(sources)) {
            List<String> offenders = files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> !f.endsWith("json/PluginJson.java"))
                    .filter(PluginJsonTest::makesAMapper)
                    .map(Path::toString).toList();
            assertThat(offenders).as("make mappers with PluginJson, whose buffers never stay in a host thread").isEmpty();
        }
    }

    private static boolean makesAMapper(Path file) {
        try {
            String text = Files.readString(file);
            return Stream.of("new ObjectMapper(", "ObjectMapper()", "new JsonMapper(", "JsonMapper.builder(",
                    "new JsonFactory(", "JsonFactory.builder(").anyMatch(text::contains);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Reads Jackson's per-thread buffer holder, which it exposes to subclasses only. */
    private static final class ThreadLocalBuffers extends BufferRecyclers {
        static Object current() {
            return _recyclerRef.get();
        }
    }
}
