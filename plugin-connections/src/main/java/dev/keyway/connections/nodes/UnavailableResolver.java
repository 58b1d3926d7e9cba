package dev.keyway.connections.nodes;

import dev.keyway.api.NodeException;
import dev.keyway.api.Principal;

/** Stands in until the connection store is wired: every lookup fails with advice. */
public final class UnavailableResolver implements ConnectionResolver {

    @Override
    public ResolvedConnection resolve(String reference, Principal principal, String environment) {
        throw new NodeException("connection_store_unavailable", "connection '%s' cannot be looked up: no connection "
                + "store is configured in this engine. Configure the store, or pass external credentials with the "
                + "'provider' and 'credentials' inputs", reference);
    }
}
