package dev.keyway.connections.http;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Refuses addresses that no outgoing plugin request may reach: IPv4 link-local
 * (169.254.0.0/16, home of the cloud metadata services at 169.254.169.254), IPv6 link-local
 * (fe80::/10) and AWS's IPv6 metadata address fd00:ec2::254. A metadata service hands out cloud
 * credentials to anyone who asks, so it is refused for every request, credentialed or not.
 */
public final class AddressGuard {

    private static final java.util.regex.Pattern IPV4_CHARS = java.util.regex.Pattern.compile("[0-9.]+");
    private static final java.util.regex.Pattern IPV6_CHARS = java.util.regex.Pattern.compile("[0-9a-fA-F:.%]+");

    private static final InetAddress AWS_IPV6_METADATA = literal("fd00:ec2::254");

    private AddressGuard() {
    }

    /** True when a request must not connect to {@code address}. */
    public static boolean isForbidden(InetAddress address) {
        if (address.isLinkLocalAddress() || address.equals(AWS_IPV6_METADATA)) {
            return true;
        }
        if (address instanceof Inet6Address v6) {
            byte[] bytes = v6.getAddress();
            // An IPv4-mapped IPv6 address (::ffff:a.b.c.d) reaches the IPv4 address behind it.
            if (isV4Mapped(bytes)) {
                return (bytes[12] & 0xff) == 169 && (bytes[13] & 0xff) == 254;
            }
        }
        return address instanceof Inet4Address && (address.getAddress()[0] & 0xff) == 169
                && (address.getAddress()[1] & 0xff) == 254;
    }

    private static boolean isV4Mapped(byte[] bytes) {
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
    }

    /**
     * The address of an IP literal host (no DNS lookup), or null for a host name.
     */
    static InetAddress literalOrNull(String host) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        boolean v4 = IPV4_CHARS.matcher(bare).matches();
        boolean v6 = bare.contains(":") && IPV6_CHARS.matcher(bare).matches();
        return v4 || v6 ? literal(bare) : null;
    }

    private static InetAddress literal(String ip) {
        try {
            // An IP literal is parsed, never looked up.
            return InetAddress.getByName(ip);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP literal: " + ip, e);
        }
    }
}
