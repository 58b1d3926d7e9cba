package dev.keyway.demo;

import dev.keyway.api.HostAware;
import dev.keyway.api.HostContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import org.pf4j.Plugin;

/** A plugin that knows nothing about connections; built and loaded by the engine's tests. */
public class DemoPlugin extends Plugin implements HostAware {

    private HostContext host;

    @Override
    public void attach(HostContext host) {
        this.host = host;
    }

    @Override
    public void start() {
        if (host == null) {
            return;
        }
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        try {
            Files.writeString(host.dataDirectory().resolve("started.txt"),
                    "context-loader-is-plugin=" + (context == getClass().getClassLoader())
                    + "\ngreeting=" + host.setting("demo.greeting").orElse("none") + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
