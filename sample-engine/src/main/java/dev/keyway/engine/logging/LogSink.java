package dev.keyway.engine.logging;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.Objects;
import org.slf4j.event.Level;

/**
 * Where log lines go and which pass: stderr by default, or a file. Configured from
 * {@code KEYWAY_LOG_LEVEL} / {@code keyway.log.level} and {@code KEYWAY_LOG_FILE} /
 * {@code keyway.log.file}, and changed at run time by the CLI (e.g. {@code serve} logs at INFO).
 */
public final class LogSink {

    private static volatile Level threshold = parseLevel(setting("keyway.log.level", "KEYWAY_LOG_LEVEL"), Level.WARN);
    private static volatile PrintStream out = openDefault();

    private LogSink() {
    }

    public static void setLevel(Level level) {
        threshold = Objects.requireNonNull(level, "level");
    }

    public static Level level() {
        return threshold;
    }

    /** Sends log lines to {@code stream}, e.g. a test's capture buffer. */
    public static void redirect(PrintStream stream) {
        out = Objects.requireNonNull(stream, "stream");
    }

    /** Appends log lines to {@code file}, creating its folder. */
    public static void toFile(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        OutputStream stream = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        out = new PrintStream(stream, true, StandardCharsets.UTF_8);
    }

    static boolean enabled(Level level) {
        return level.toInt() >= threshold.toInt();
    }

    static void write(String line) {
        String masked = LogMasks.mask(line);
        PrintStream target = out;
        synchronized (target) {
            target.println(masked);
        }
    }

    static Level parseLevel(String text, Level fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return Level.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }

    private static String setting(String property, String env) {
        String value = System.getProperty(property);
        return value != null ? value : System.getenv(env);
    }

    private static PrintStream openDefault() {
        String file = setting("keyway.log.file", "KEYWAY_LOG_FILE");
        if (file != null && !file.isBlank()) {
            try {
                Path path = Path.of(file);
                Files.createDirectories(path.toAbsolutePath().getParent());
                return new PrintStream(Files.newOutputStream(path, StandardOpenOption.CREATE, StandardOpenOption.APPEND),
                        true, StandardCharsets.UTF_8);
            } catch (IOException e) {
                System.err.println("keyway: cannot open log file " + file + " (" + e.getMessage() + "); logging to stderr");
            }
        }
        return System.err;
    }
}
