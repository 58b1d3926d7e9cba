package dev.keyway.connections.nodes;

import dev.keyway.api.NodeException;
import dev.keyway.api.Principal;
import java.util.List;

/**
 * Finds the connection a node refers to, for the principal running the execution and its
 * environment. Implemented by the encrypted store; tests use an in-memory one.
 * Implementations must be thread-safe.
 */
public interface ConnectionResolver {

    /**
     * @param reference   a connection id ({@code conn_...}) or {@code provider/Display Name}
     * @param principal   who runs the execution; only connections they may use are found
     * @param environment e.g. {@code production}; a name reference resolves within it
     * @return the connection with decrypted fields, never null
     * @throws NodeException {@code connection_not_found} (naming the reference, never a credential)
     *                       when there is no such connection the principal may use
     */
    ResolvedConnection resolve(String reference, Principal principal, String environment);

    /**
     * Resolves for a node, which then reports how it used the credentials with {@link #recordUse}
     * exactly once. Resolvers with a usage trail also record here the decrypts that fail.
     */
    default ResolvedConnection resolve(String reference, Principal principal, String environment, UsageContext usage) {
        return resolve(reference, principal, environment);
    }

    /**
     * Called when a provider answered 401 to {@code connection}'s credentials: renews them if the
     * connection can (an OAuth refresh) and returns the connection with the new ones, for one retry.
     * Defaults to null: nothing to renew, the 401 stands.
     *
     * @throws NodeException when renewing fails, e.g. {@code needs_reauth}
     */
    default ResolvedConnection renewRejected(ResolvedConnection connection, Principal principal, String environment) {
        return null;
    }

    /**
     * Appends to the connection's usage trail (and updates its last use). Defaults to nothing, for
     * resolvers without a trail.
     *
     * @param targetHost where the credentials were sent ({@code host} or {@code host:port}), or null
     * @param outcome    {@code ok}, {@code http_<status>} or the failing node's error code
     */
    default void recordUse(ResolvedConnection connection, UsageContext usage, String targetHost, String outcome) {
    }

    /**
     * The connections {@code principal} may use in {@code environment}, for the picker.
     * Defaults to none, for resolvers that cannot list.
     */
    default List<ConnectionSummary> list(Principal principal, String environment) {
        return List.of();
    }

    /**
     * An environment secret by name for {@code principal}'s workspace in {@code environment}, as a
     * fresh {@link Secret}. Defaults to none, for resolvers without environment secrets.
     */
    default java.util.Optional<dev.keyway.api.Secret> environmentSecret(Principal principal, String environment,
                                                                         String name) {
        return java.util.Optional.empty();
    }
}
