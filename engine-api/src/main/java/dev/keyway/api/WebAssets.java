package dev.keyway.api;

import java.util.Optional;
import org.pf4j.ExtensionPoint;

/**
 * Static web pages a plugin contributes, e.g. a settings screen for its feature. The host serves
 * them outside {@code /api}, under {@link #mountPath()}, without authentication: a page holds no
 * data of its own and talks to the authenticated API from the browser. The host adds the security
 * headers (a same-origin Content Security Policy, no framing, no referrer), so a page must keep its
 * scripts and styles in separate files, never inline.
 */
public interface WebAssets extends ExtensionPoint {

    /**
     * Where the pages live, e.g. {@code /connections}: a leading slash, lower-case letters, digits
     * and '-', no trailing slash, and never {@code /api} or {@code /hooks}.
     */
    String mountPath();

    /** A short name for the host's list of pages, e.g. {@code Connections}. */
    String title();

    /**
     * The file at {@code path} below the mount path, e.g. {@code index.html} or {@code app.js};
     * the empty path is the page's entry point. The host has already refused paths with
     * {@code ..}, empty segments or backslashes.
     *
     * @return the file, or empty for a 404
     */
    Optional<WebAsset> asset(String path);
}
