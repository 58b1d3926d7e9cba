package dev.keyway.connections.cli;

import dev.keyway.api.HostContext;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/** A host with a data folder and fixed settings, like a Keyway host's {@code keyway.properties}. */
record TestHost(Path dataDirectory, Map<String, String> settings, Clock clock) implements HostContext {

    TestHost(Path dataDirectory) {
        this(dataDirectory, Map.of(), Clock.systemUTC());
    }

    @Override
    public Optional<String> setting(String key) {
        return Optional.ofNullable(settings.get(key));
    }
}
