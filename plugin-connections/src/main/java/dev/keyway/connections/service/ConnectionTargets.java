package dev.keyway.connections.service;

import dev.keyway.api.support.VisibleText;
import dev.keyway.connections.http.AllowedHosts;
import dev.keyway.connections.store.InvalidRequestException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;

/**
 * Checks where a connection may send its credentials, before it is stored: a base URL and the
 * extra allowed hosts a user gives. Caught here, a typo or a look-alike host is a 400 naming the
 * field; caught at run time, it is a failed execution far from where it was made.
 */
final class ConnectionTargets {

    private ConnectionTargets() {
    }

    /** @param baseUrl null when not given; @param allowedHosts null when not given */
    static void check(String baseUrl, List<String> allowedHosts) {
        if (baseUrl != null && !baseUrl.isBlank()) {
            checkBaseUrl(baseUrl);
        }
        if (allowedHosts != null) {
            for (String host : allowedHosts) {
                AllowedHosts.problemWith(host).ifPresent(problem -> {
                    throw new InvalidRequestException("allowed host '%s' is not usable: %s", shown(host), problem);
                });
            }
        }
    }

    private static void checkBaseUrl(String baseUrl) {
        URI uri;
        try {
            uri = printableAscii(baseUrl) ? new URI(baseUrl) : null;
        } catch (URISyntaxException e) {
            uri = null;
        }
        boolean web = uri != null && ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()));
        if (!web || uri.getHost() == null || AllowedHosts.problemWith(uri.getHost()).isPresent()) {
            throw new InvalidRequestException("base URL '%s' must be an absolute http(s) URL with a host name, e.g. "
                    + "https://jira.example.com (an internationalised name in its xn-- form)", shown(baseUrl));
        }
        if (uri.getRawUserInfo() != null) {
            throw new InvalidRequestException("base URL must not hold a user or password; put credentials in the "
                    + "connection's credential fields, where they are encrypted");
        }
    }

    /** A URL is ASCII; anything else (a space, a control, an invisible or look-alike letter) is a mistake or a trick. */
    private static boolean printableAscii(String text) {
        return text.chars().allMatch(c -> c > 0x20 && c < 0x7f);
    }

    /** The value for a message: short, and with invisible characters written out. */
    private static String shown(String value) {
        String visible = VisibleText.escaped(value);
        return visible.length() > 100 ? visible.substring(0, 100) + "..." : visible;
    }
}
