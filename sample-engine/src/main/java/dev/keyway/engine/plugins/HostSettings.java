package dev.keyway.engine.plugins;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Configuration lookup for the host and its plugins. A key such as {@code acme.jdbc.url}
 * is looked up, in order, as the system property {@code keyway.acme.jdbc.url}, the
 * environment variable {@code KEYWAY_ACME_JDBC_URL}, and the entry in
 * {@code KEYWAY_HOME/keyway.properties}.
 */
public final class HostSettings {

    private final Map<String, String> environment;
    private final Properties systemProperties;
    private final Properties file;

    HostSettings(Map<String, String> environment, Properties systemProperties, Properties file) {
        this.environment = Map.copyOf(environment);
        this.systemProperties = systemProperties;
        this.file = file;
    }

    /** Settings from this process's environment, system properties and {@code home/keyway.properties}. */
    public static HostSettings load(Path home) {
        return load(home, System.getenv(), System.getProperties());
    }

    public static HostSettings load(Path home, Map<String, String> environment, Properties systemProperties) {
        Properties file = new Properties();
        Path path = home.resolve("keyway.properties");
        if (Files.isRegularFile(path)) {
            try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
                file.load(reader);
            } catch (IOException | IllegalArgumentException e) {
                throw new HostException("cannot read %s: %s; fix or remove the file", path, e.getMessage());
            }
        }
        return new HostSettings(environment, systemProperties, file);
    }

    public Optional<String> get(String key) {
        String value = systemProperties.getProperty("keyway." + key);
        if (value == null) {
            value = environment.get(environmentName(key));
        }
        if (value == null) {
            value = file.getProperty(key);
        }
        return Optional.ofNullable(value).filter(v -> !v.isBlank());
    }

    /** {@code acme.jdbc.url} becomes {@code KEYWAY_ACME_JDBC_URL}. */
    static String environmentName(String key) {
        return "KEYWAY_" + key.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    /** The raw environment, for components that read their own variables (e.g. a master key). */
    public Map<String, String> environment() {
        return environment;
    }
}
