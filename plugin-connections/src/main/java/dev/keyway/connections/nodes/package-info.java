/**
 * The connection nodes (Get Connection, Set Property, HTTP Request) and the {@code connections}
 * picker, all PF4J extensions.
 *
 * <p>Wiring: PF4J creates extensions with their no-arg constructors, so they read their shared
 * {@link dev.keyway.connections.nodes.NodeServices} (catalogue, {@link
 * dev.keyway.connections.nodes.ConnectionResolver}, HTTP client) from
 * {@link dev.keyway.connections.nodes.NodeServicesRegistry} at execution time. The plugin's
 * {@code start()} installs them and {@code stop()} uninstalls them and closes the HTTP client.
 * The store replaces the stand-in {@link dev.keyway.connections.nodes.UnavailableResolver} by
 * installing services with its own resolver. Tests construct nodes with a supplier instead.
 */
package dev.keyway.connections.nodes;
