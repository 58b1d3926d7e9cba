package dev.keyway.engine.server;

import com.sun.net.httpserver.HttpExchange;
import dev.keyway.api.ApiException;
import dev.keyway.api.ApiResponse;
import dev.keyway.api.WebAsset;
import dev.keyway.api.WebAssets;
import dev.keyway.engine.plugins.ContextClassLoader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the plugins' static web pages ({@link WebAssets}) outside {@code /api}, and {@code /}:
 * a redirect to the only page, or a list when there are several. Pages are public files; the data
 * they show comes from the authenticated API, so nothing here checks a token.
 */
public final class WebPages implements ApiServer.Handler {

    private static final Logger LOG = LoggerFactory.getLogger(WebPages.class);
    private static final Pattern MOUNT = Pattern.compile("/[a-z0-9][a-z0-9-]{0,63}");
    /** Plain file names in plain folders: no dots-only segments, no escapes, nothing to decode. */
    private static final Pattern FILE = Pattern.compile("([A-Za-z0-9_-][A-Za-z0-9._-]*/)*[A-Za-z0-9_-][A-Za-z0-9._-]*");
    private static final Map<String, String> SECURITY_HEADERS = securityHeaders();

    private final List<Page> pages;

    /** @param candidates pages in the order found; bad or duplicate mount paths are skipped with a warning */
    public WebPages(List<Page> candidates) {
        List<Page> accepted = new ArrayList<>();
        for (Page page : candidates) {
            String mount = page.mountPath();
            if (mount == null || !MOUNT.matcher(mount).matches() || mount.equals("/api") || mount.equals("/hooks")) {
                LOG.warn("web page of {} not served: mount path '{}' must be '/' and lower-case letters, digits or '-', "
                        + "and not /api or /hooks", page.owner(), mount);
            } else if (accepted.stream().anyMatch(p -> p.mountPath().equals(mount))) {
                LOG.warn("web page of {} not served: {} is already served for {}", page.owner(), mount,
                        accepted.stream().filter(p -> p.mountPath().equals(mount)).findFirst().orElseThrow().owner());
            } else {
                accepted.add(page);
            }
        }
        this.pages = List.copyOf(accepted);
    }

    public List<Page> pages() {
        return pages;
    }

    @Override
    public Optional<ApiResponse> handle(String method, String rawPath, HttpExchange exchange) {
        if (rawPath.equals("/")) {
            return pages.isEmpty() ? Optional.empty() : Optional.of(readOnly(method, this::home));
        }
        for (Page page : pages) {
            String mount = page.mountPath();
            if (rawPath.equals(mount)) {
                return Optional.of(readOnly(method, () -> ApiResponse.redirect(mount + "/")));
            }
            if (rawPath.startsWith(mount + "/")) {
                return Optional.of(readOnly(method, () -> file(page, rawPath.substring(mount.length() + 1))));
            }
        }
        return Optional.empty();
    }

    private ApiResponse home() {
        if (pages.size() == 1) {
            return ApiResponse.redirect(pages.get(0).mountPath() + "/");
        }
        StringBuilder html = new StringBuilder("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>Keyway</title></head><body><h1>Keyway</h1><ul>");
        for (Page page : pages) {
            html.append("<li><a href=\"").append(page.mountPath()).append("/\">").append(escape(page.title()))
                    .append("</a></li>");
        }
        html.append("</ul><p>The API is under <code>/api</code>.</p></body></html>");
        return page(new WebAsset("text/html; charset=utf-8", html.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private static ApiResponse file(Page page, String path) {
        if (!path.isEmpty() && !FILE.matcher(path).matches()) {
            throw new ApiException(404, "not_found", "no such file on this page");
        }
        Optional<WebAsset> asset = ContextClassLoader.call(page.classLoader(), () -> page.assets().asset(path));
        return page(asset.orElseThrow(() -> new ApiException(404, "not_found", "no such file on this page")));
    }

    private static ApiResponse page(WebAsset asset) {
        Map<String, String> headers = new LinkedHashMap<>(SECURITY_HEADERS);
        headers.put("Content-Type", asset.contentType());
        return new ApiResponse(200, headers, asset.bytes());
    }

    private static ApiResponse readOnly(String method, java.util.function.Supplier<ApiResponse> answer) {
        if (!method.equals("GET") && !method.equals("HEAD")) {
            throw new ApiException(405, "method_not_allowed", "pages answer GET and HEAD only, not %s", method);
        }
        return answer.get();
    }

    /**
     * Scripts and styles only from this origin (so an injected inline script never runs), the page
     * never framed (no clickjacking) and no URL of it sent to other sites.
     */
    private static Map<String, String> securityHeaders() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; base-uri 'none'; "
                + "form-action 'self'; frame-ancestors 'none'; object-src 'none'");
        headers.put("X-Frame-Options", "DENY");
        headers.put("Referrer-Policy", "no-referrer");
        headers.put("Cross-Origin-Opener-Policy", "same-origin");
        return Map.copyOf(headers);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /**
     * One plugin's pages.
     *
     * @param owner       the contributing plugin's id, for messages
     * @param mountPath   read once at start, e.g. {@code /settings}
     * @param title       read once at start
     * @param classLoader set as context class loader around calls into {@code assets}
     * @param assets      the extension
     */
    public record Page(String owner, String mountPath, String title, ClassLoader classLoader, WebAssets assets) {

        public Page {
            title = title == null || title.isBlank() ? String.valueOf(mountPath) : title;
        }
    }
}
