package dev.keyway.connections.oauth;

import dev.keyway.api.ApiResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * What the browser gets back from the callback: a redirect to the checked {@code returnTo} with
 * the outcome in its query, or else a small self-contained HTML page. Text is HTML-escaped; the
 * page loads nothing and may not be framed.
 */
final class CallbackPage {

    private CallbackPage() {
    }

    static ApiResponse answer(CallbackResult result) {
        if (result.returnTo() != null) {
            String separator = result.returnTo().contains("?") ? "&" : "?";
            String outcome = result.succeeded()
                    ? "connection=" + encode(result.connectionId()) + "&status=connected"
                    : "status=failed&error=" + encode(result.error());
            return ApiResponse.redirect(result.returnTo() + separator + outcome);
        }
        String title = result.succeeded() ? "Connected" : "Not connected";
        String html = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + title
                + "</title></head><body><h1>" + title + "</h1><p>" + escape(result.message()) + "</p>"
                + (result.succeeded() ? "<p>Connection id: <code>" + escape(result.connectionId()) + "</code></p>"
                        : "<p>Error: <code>" + escape(result.error()) + "</code></p>")
                + "<p>You can close this window.</p></body></html>";
        return new ApiResponse(result.succeeded() ? 200 : 400, Map.of(
                "Content-Type", "text/html; charset=utf-8",
                "Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'",
                "Referrer-Policy", "no-referrer"), html.getBytes(StandardCharsets.UTF_8));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : (text == null ? "" : text).toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
