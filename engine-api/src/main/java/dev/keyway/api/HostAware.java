package dev.keyway.api;

/**
 * Implemented by a plugin class that wants the host's {@link HostContext}. A Keyway host calls
 * {@link #attach} once, before it starts the plugin. A plain PF4J host never calls it, so the
 * plugin must fall back to sensible defaults.
 */
public interface HostAware {

    void attach(HostContext host);
}
