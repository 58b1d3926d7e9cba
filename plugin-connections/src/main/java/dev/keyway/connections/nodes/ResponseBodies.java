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
        ContentType type = parse(contentType);
        String mime = type == null ? "" : type.getMimeType().toLowerCase(Locale.ROOT);
        Charset charset = type == null || type.getCharset() == null ? StandardCharsets.UTF_8 : type.getCharset();
        if (mime.equals("application/json") || mime.endsWith("+json")) {
            if (body.length == 0) {
                return new Decoded(null, false);
            }
            try {
                return new Decoded(JSON.readValue(body, Object.class), true);
            } catch (IOException e) {
                // A service that mislabels its answer still gets its text through.
                return new Decoded(new String(body, charset), false);
            }
        }
        return new Decoded(new String(body, charset), false);
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
