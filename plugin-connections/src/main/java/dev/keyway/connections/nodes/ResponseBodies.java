package dev.keyway.connections.nodes;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyway.connections.json.PluginJson;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.apache.hc.core5.http.ContentType;

/** Turns a response body into JDK values: parsed JSON when the answer says JSON, else text. */
final class ResponseBodies {

    private static final ObjectMapper JSON = PluginJson.mapper();

    private ResponseBodies() {
    }

    static Object decode(byte[] body, String contentType) {
        return read(body, contentType).value();
    }

    /** Like {@link #decode}, and says whether the value came from JSON (a JSON string and text look alike). */
    static Decoded read(byte[] body, String contentType) {
        String mime = mimeType(contentType);
        if (mime.equals("application/json") || mime.endsWith("+json")) {
            if (body.length == 0) {
                return new Decoded(null, false);
            }
            try {
                return new Decoded(JSON.readValue(body, Object.class), true);
            } catch (IOException e) {
                // A service that mislabels its answer still gets its text through.
                return new Decoded(new String(body, charset(contentType)), false);
            }
        }
        return new Decoded(new String(body, charset(contentType)), false);
    }

    /** The media type in lower case, "" when there is none; read by hand, as this runs for every answer. */
    static String mimeType(String contentType) {
        if (contentType == null) {
            return "";
        }
        // The first media type only, as a lenient parser reads "application/json, text/plain".
        int end = contentType.length();
        for (int i = 0; i < contentType.length(); i++) {
            char c = contentType.charAt(i);
            if (c == ';' || c == ',') {
                end = i;
                break;
            }
        }
        return contentType.substring(0, end).trim().toLowerCase(Locale.ROOT);
    }

    /** The charset the header names, UTF-8 when it names none or one this JVM does not know. */
    private static Charset charset(String contentType) {
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).contains("charset")) {
            return StandardCharsets.UTF_8;
        }
        ContentType type = parse(contentType);
        return type == null || type.getCharset() == null ? StandardCharsets.UTF_8 : type.getCharset();
    }

    /**
     * A decoded response body.
     *
     * @param value parsed JSON, text, or null for an empty JSON answer
     * @param json  whether {@code value} was parsed from JSON
     */
    record Decoded(Object value, boolean json) {
    }

    private static ContentType parse(String contentType) {
        try {
            return contentType == null ? null : ContentType.parseLenient(contentType);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
