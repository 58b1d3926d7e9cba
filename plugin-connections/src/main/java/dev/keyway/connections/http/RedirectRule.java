package dev.keyway.connections.http;

import java.net.URI;
import java.util.Locale;
import java.util.Set;

/** What a redirect answer asks for: where to go next, with which method, and whether the body goes too. */
record RedirectRule(URI target, String method, boolean keepsBody) {

    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

    static boolean isRedirect(int status) {
        return REDIRECTS.contains(status);
    }

    /**
     * @return the next hop, or null when {@code location} is not a usable http(s) URL
     */
    static RedirectRule next(URI current, String method, int status, String location) {
        URI target;
        try {
            target = current.resolve(location.trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
        String scheme = target.getScheme() == null ? "" : target.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || target.getHost() == null) {
            return null;
        }
        // 303 always becomes GET; 301/302 turn POST into GET as every browser does; 307/308 keep all.
        boolean toGet = status == 303 && !"HEAD".equals(method) || (status == 301 || status == 302) && "POST".equals(method);
        return toGet ? new RedirectRule(target, "GET", false) : new RedirectRule(target, method, true);
    }
}
