package dev.keyway.connections.http;

import java.util.List;
import java.util.Locale;

/**
 * The hosts that may receive a connection's credentials: exact names, or {@code *.example.com}
 * for any subdomain (not the bare domain), each optionally with {@code :port} to allow that port
 * only (a self-hosted or loopback service, e.g. {@code 127.0.0.1:8080}). A pattern without a port
 * allows any port of its host.
 */
public record AllowedHosts(List<String> patterns) {

    public AllowedHosts {
        patterns = patterns.stream().map(p -> p.toLowerCase(Locale.ROOT)).toList();
    }

    public static AllowedHosts of(String... patterns) {
        return new AllowedHosts(List.of(patterns));
    }

    /** Whether {@code host} on any port may receive credentials: only patterns without a port count. */
    public boolean permits(String host) {
        return permits(host, -1);
    }

    /** Whether {@code host} on {@code port} may receive credentials; -1 stands for an unknown port. */
    public boolean permits(String host, int port) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        for (String pattern : patterns) {
            int colon = pattern.lastIndexOf(':');
            // "host:port", "[v6]:port"; a bare IPv6 literal has colons but no port.
            boolean hasPort = (colon > 0 && pattern.indexOf(':') == colon)
                    || (pattern.startsWith("[") && colon > pattern.indexOf(']'));
            String name = hasPort ? pattern.substring(0, colon) : pattern;
            if (hasPort && !pattern.substring(colon + 1).equals(String.valueOf(port))) {
                continue;
            }
            if (name.startsWith("*.") ? h.endsWith(name.substring(1)) : h.equals(name)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return String.join(", ", patterns);
    }
}
