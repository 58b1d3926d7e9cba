package dev.keyway.engine.plugins;

/**
 * A loaded plugin as the CLI and API show it.
 *
 * @param id      the plugin id from {@code plugin.properties}
 * @param version its version
 * @param state   PF4J's state, lower case ({@code started}, {@code failed}, ...)
 * @param path    where it was loaded from
 * @param failure why it failed to start, or empty
 */
public record PluginInfo(String id, String version, String state, String path, String failure) {
}
