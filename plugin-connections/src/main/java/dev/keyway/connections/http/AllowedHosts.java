package dev.keyway.connections.http;

import java.util.List;
import java.util.Locale;

/**
 * The hosts that may receive a connection's credentials: exact names, or {@code *.example.com}
 * for any subdomain (not the bare domain).
 */
public record AllowedHosts(List<String> patterns) {

    public AllowedHosts {
        patterns = patterns.stream().map(p -> p.toLowerCase(Locale.ROOT)).toList();
    }

    public static AllowedHosts of(String... patterns) {
        return new AllowedHosts(List.of(patterns));
    }

    public boolean permits(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        for (String pattern : patterns) {
            if (pattern.startsWith("*.") ? h.endsWith(pattern.substring(1)) : h.equals(pattern)) {
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
