/**
 * Outgoing HTTP for the plugin. {@link dev.keyway.connections.http.SafeHttpClient} is the one
 * pooled client (owned by the plugin, closed at stop); it follows redirects itself so credentials
 * never leave their origin, sends them only to allowed hosts, and never connects to metadata
 * addresses. {@link dev.keyway.connections.http.CredentialInjector} turns a provider entry and a
 * connection's fields into Secret-valued headers, query parameters and cookies;
 * {@link dev.keyway.connections.http.ConnectionTester} runs a provider's test request.
 */
package dev.keyway.connections.http;
