package dev.keyway.connections.http;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.apache.hc.client5.http.DnsResolver;

/**
 * Checks every address a host resolves to before the connection manager may connect, so a
 * name that points at a metadata address (or is re-pointed there between checks) is refused
 * after resolution, not only when it is spelled as an IP.
 */
final class GuardedDnsResolver implements DnsResolver {

    private final DnsResolver delegate;

    GuardedDnsResolver(DnsResolver delegate) {
        this.delegate = delegate;
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        InetAddress[] addresses = delegate.resolve(host);
        for (InetAddress address : addresses) {
            if (AddressGuard.isForbidden(address)) {
                throw new ForbiddenAddressException(host);
            }
        }
        return addresses;
    }

    @Override
    public List<InetSocketAddress> resolve(String host, int port) throws UnknownHostException {
        List<InetSocketAddress> addresses = delegate.resolve(host, port);
        for (InetSocketAddress address : addresses) {
            if (address.getAddress() != null && AddressGuard.isForbidden(address.getAddress())) {
                throw new ForbiddenAddressException(host);
            }
        }
        return addresses;
    }

    @Override
    public String resolveCanonicalHostname(String host) throws UnknownHostException {
        return delegate.resolveCanonicalHostname(host);
    }
}
