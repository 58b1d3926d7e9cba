package dev.keyway.connections.http;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The hosts that may receive a connection's credentials: exact names, or {@code *.example.com}
 * for any subdomain (not the bare domain), each optionally with {@code :port} to allow that port
 * only (a self-hosted or loopback service, e.g. {@code 127.0.0.1:8080}). A pattern without a port
 * allows any port of its host.
 */
public record AllowedHosts(List<String> patterns) {

    private static final Pattern NAME = Pattern.compile(
            "(\\*\\.)?[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*", Pattern.CASE_INSENSITIVE);
    private static final Pattern IPV6 = Pattern.compile("\\[[0-9a-f:.]+]", Pattern.CASE_INSENSITIVE);
    private static final Pattern PORT = Pattern.compile("[1-9][0-9]{0,4}");

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
            int colon = portColon(pattern);
            boolean hasPort = colon >= 0;
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

    /**
     * Why {@code pattern} is no host pattern this class can match, or empty when it is one. Names
     * are ASCII: an internationalised name is written in its {@code xn--} form, so no look-alike
     * letter, invisible or reordering character can stand in a host that receives credentials.
     */
    public static Optional<String> problemWith(String pattern) {
        String text = pattern == null ? "" : pattern.trim();
        int colon = portColon(text);
        boolean hasPort = colon >= 0;
        String host = hasPort ? text.substring(0, colon) : text;
        if (hasPort && !(PORT.matcher(text.substring(colon + 1)).matches() && Integer.parseInt(text.substring(colon + 1)) <= 65535)) {
            return Optional.of("its port must be a number from 1 to 65535");
        }
        if (!NAME.matcher(host).matches() && !IPV6.matcher(host).matches()) {
            return Optional.of("it must be a host name such as api.example.com or *.example.com, optionally with :port "
                    + "(letters a-z, digits, '-' and '.'; an internationalised name in its xn-- form)");
        }
        return Optional.empty();
    }

    /** Where {@code :port} starts in "host:port" or "[v6]:port", or -1; a bare IPv6 literal has colons but no port. */
    private static int portColon(String pattern) {
        int colon = pattern.lastIndexOf(':');
        boolean hasPort = (colon > 0 && pattern.indexOf(':') == colon)
                || (pattern.startsWith("[") && colon > pattern.indexOf(']'));
        return hasPort ? colon : -1;
    }

    @Override
    public String toString() {
        return String.join(", ", patterns);
    }
}
