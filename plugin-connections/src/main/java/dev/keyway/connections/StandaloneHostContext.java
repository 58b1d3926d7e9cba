package dev.keyway.connections;

import dev.keyway.api.HostContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What the plugin uses when a plain PF4J host, one that knows nothing of Keyway, starts it:
 * data under {@code $KEYWAY_HOME/data/keyway-connections} (default {@code ~/.keyway}), settings
 * from {@code keyway.*} system properties and {@code KEYWAY_*} environment variables.
 */
record StandaloneHostContext(Path dataDirectory, Map<String, String> environment, Clock clock) implements HostContext {

    static StandaloneHostContext create(String pluginId) {
        Map<String, String> environment = System.getenv();
        String home = environment.get("KEYWAY_HOME");
        Path root = home == null || home.isBlank()
                ? Path.of(System.getProperty("user.home"), ".keyway")
                : Path.of(home);
        Path data = root.resolve("data").resolve(pluginId);
        try {
            Files.createDirectories(data);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the connections data folder " + data, e);
        }
        return new StandaloneHostContext(data, environment, Clock.systemUTC());
    }

    @Override
    public Optional<String> setting(String key) {
        String value = System.getProperty("keyway." + key);
        if (value == null) {
            value = environment.get("KEYWAY_" + key.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_"));
        }
        return Optional.ofNullable(value).filter(v -> !v.isBlank());
    }
}
