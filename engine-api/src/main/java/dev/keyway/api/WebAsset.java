package dev.keyway.api;

import java.util.Objects;

/**
 * One static file of a plugin's web page.
 *
 * @param contentType the {@code Content-Type} to send, e.g. {@code text/html; charset=utf-8}
 * @param bytes       the file's content; never modified by the host
 */
public record WebAsset(String contentType, byte[] bytes) {

    public WebAsset {
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(bytes, "bytes");
    }

    /**
     * The usual content type for a file name's extension (html, css, js, json, svg, png, ico,
     * txt), or {@code application/octet-stream}.
     */
    public static String contentTypeOf(String fileName) {
        String name = fileName.toLowerCase(java.util.Locale.ROOT);
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot + 1);
        return switch (extension) {
            case "html", "htm" -> "text/html; charset=utf-8";
            case "css" -> "text/css; charset=utf-8";
            case "js", "mjs" -> "text/javascript; charset=utf-8";
            case "json" -> "application/json; charset=utf-8";
            case "svg" -> "image/svg+xml";
            case "png" -> "image/png";
            case "ico" -> "image/x-icon";
            case "txt" -> "text/plain; charset=utf-8";
            default -> "application/octet-stream";
        };
    }
}
