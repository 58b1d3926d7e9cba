package dev.keyway.connections.http;

import java.net.UnknownHostException;

/**
 * A host resolved to an address {@link AddressGuard} refuses. An {@link UnknownHostException}
 * because that is all a DNS resolver may throw; the connection is never opened.
 */
final class ForbiddenAddressException extends UnknownHostException {

    private static final long serialVersionUID = 1L;

    private final String host;

    ForbiddenAddressException(String host) {
        super(host + " resolves to a link-local or cloud metadata address");
        this.host = host;
    }

    String host() {
        return host;
    }
}
