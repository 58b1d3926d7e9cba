package dev.keyway.connections.oauth;

import dev.keyway.connections.store.InvalidRequestException;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * Checks where the browser may be sent after the callback: a path on this server, or an absolute
 * URL with the callback's own origin. Anything else would make the callback an open redirect.
 */
final class ReturnTo {

    private ReturnTo() {
    }

    /** The accepted location, or null when none was asked for. */
    static String check(String returnTo, String callbackUrl) {
        if (returnTo == null || returnTo.isBlank()) {
            return null;
        }
        String value = returnTo.strip();
        boolean control = value.chars().anyMatch(c -> c < 0x20 || c == 0x7f || c == '\\');
        if (!control && value.startsWith("/") && !value.startsWith("//")) {
            return value;
        }
        try {
            URI target = new URI(value);
            URI callback = new URI(callbackUrl);
            if (!control && target.isAbsolute() && sameOrigin(target, callback)) {
                return value;
            }
        } catch (URISyntaxException e) {
            // Falls through to the refusal below.
        }
        throw new InvalidRequestException("returnTo must be a path on this server (e.g. /connections) or a URL "
                + "with the same origin as %s", callbackUrl);
    }

    private static boolean sameOrigin(URI a, URI b) {
        return a.getScheme().equalsIgnoreCase(b.getScheme()) && a.getHost() != null
                && a.getHost().equalsIgnoreCase(b.getHost()) && port(a) == port(b) && a.getRawUserInfo() == null;
    }

    private static int port(URI uri) {
        return uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }
}
