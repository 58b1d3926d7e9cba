package dev.keyway.api;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/** What a host hands a plugin before it starts. */
public interface HostContext {

    /** A folder that belongs to this plugin alone, already created. */
    Path dataDirectory();

    /**
     * A configuration value, e.g. {@code connections.jdbc.url}. Hosts look it up in their own
     * configuration; {@code KEYWAY_CONNECTIONS_JDBC_URL} style environment variables are typical.
     */
    Optional<String> setting(String key);

    /** The clock to use for timestamps and expiry, so tests can move time. */
    Clock clock();
}
