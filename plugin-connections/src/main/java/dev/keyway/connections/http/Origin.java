package dev.keyway.connections.http;

import java.net.URI;
import java.util.Locale;

/** Scheme, host and port: what must stay the same for credentials to follow a redirect. */
record Origin(String scheme, String host, int port) {

    static Origin of(URI uri) {
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort() != -1 ? uri.getPort() : "https".equals(scheme) ? 443 : 80;
        return new Origin(scheme, uri.getHost().toLowerCase(Locale.ROOT), port);
    }

    /** A URI as it may appear in an error: origin and path, never the query that may hold a key. */
    static String display(URI uri) {
        Origin origin = of(uri);
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return origin.scheme + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort()) + path;
    }
}
