package dev.keyway.engine.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The machine a run measured, printed with the figures: ratios travel between machines, absolute
 * figures do not.
 *
 * @param cpu       the CPU model, as the OS names it
 * @param cores     processors the JVM may use
 * @param memoryMb  total memory
 * @param os        OS name, version and architecture
 * @param jvm       the JVM running the benchmark
 */
public record Machine(String cpu, int cores, long memoryMb, String os, String jvm) {

    public static Machine current() {
        return new Machine(cpuModel(), Runtime.getRuntime().availableProcessors(), totalMemoryMb(),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
    }

    private static String cpuModel() {
        return firstValue(Path.of("/proc/cpuinfo"), "model name").orElse(System.getProperty("os.arch"));
    }

    private static long totalMemoryMb() {
        return firstValue(Path.of("/proc/meminfo"), "MemTotal")
                .map(v -> Long.parseLong(v.replaceAll("[^0-9]", "")) / 1024)
                .orElse(Runtime.getRuntime().maxMemory() / (1024 * 1024));
    }

    private static Optional<String> firstValue(Path file, String key) {
        if (!Files.isReadable(file)) {
            return Optional.empty();
        }
        try (Stream<String> lines = Files.lines(file)) {
            return lines.filter(line -> line.startsWith(key)).map(line -> line.substring(line.indexOf(':') + 1).strip())
                    .findFirst();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return cpu + ", " + cores + " cores, " + memoryMb + " MB, " + os + ", " + jvm;
    }
}
