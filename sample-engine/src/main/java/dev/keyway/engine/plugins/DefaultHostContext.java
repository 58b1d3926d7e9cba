package dev.keyway.engine.plugins;

import dev.keyway.api.HostContext;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/** The {@link HostContext} the sample engine hands each plugin. */
record DefaultHostContext(Path dataDirectory, HostSettings settings, Clock clock) implements HostContext {

    @Override
    public Optional<String> setting(String key) {
        return settings.get(key);
    }
}
