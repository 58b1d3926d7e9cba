package dev.keyway.engine.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.keyway.api.ApiException;
import dev.keyway.api.support.VisibleText;
import dev.keyway.engine.json.EngineJson;
import dev.keyway.engine.json.JsonPointers;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/** JSON in and out of the HTTP API: answers use the engine's mapper (secrets masked); request bodies parse strictly. */
final class ServerJson {

    /** Deep nesting is an attack, not a payload. */
    private static final int MAX_DEPTH = 64;

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    static {
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build());
    }

    private ServerJson() {
    }

    /** Compact JSON with the engine's conventions: secrets as the mask, instants as ISO-8601. */
    static byte[] write(Object value) {
        try {
            return EngineJson.mapper().writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render the response as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Parses a request body into JDK values, or a 400 that says where it went wrong. */
    static Object read(byte[] body) {
        if (body.length == 0) {
            throw ApiException.badRequest("the request body is empty; send a JSON document");
        }
        Object value;
        try {
            value = MAPPER.readValue(body, Object.class);
        } catch (JsonProcessingException e) {
            var location = e.getLocation();
            String where = location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
            throw new ApiException(400, "invalid_json", "the request body is not valid JSON%s: %s", where,
                    e.getOriginalMessage());
        } catch (IOException e) {
            throw new ApiException(400, "invalid_json", "the request body cannot be read: %s", e.getMessage());
        }
        requireUnicode(value, "");
        return value;
    }

    /**
     * JSON lets a string escape half of a surrogate pair ({@code "\ud800"}), which is no Unicode
     * text: it cannot be stored or answered as UTF-8, and a name holding it shows as garbage. Such
     * a body is refused as a whole, naming where (never the value, which may be a credential).
     */
    private static void requireUnicode(Object value, String pointer) {
        if (value instanceof String text) {
            refuseUnpaired(text, pointer);
        } else if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> member : map.entrySet()) {
                String key = (String) member.getKey();
                refuseUnpaired(key, pointer);
                requireUnicode(member.getValue(), JsonPointers.append(pointer, key));
            }
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                requireUnicode(list.get(i), JsonPointers.append(pointer, i));
            }
        }
    }

    private static void refuseUnpaired(String text, String pointer) {
        if (VisibleText.unpairedSurrogate(text) >= 0) {
            throw new ApiException(400, "invalid_json", "the request body holds half of a surrogate pair (an escape like "
                    + "\\ud800 without its partner) at %s, which is not Unicode text; send whole characters",
                    pointer.isEmpty() ? "the top level" : VisibleText.escaped(abbreviate(pointer)));
        }
    }

    private static String abbreviate(String pointer) {
        return pointer.length() > 200 ? pointer.substring(0, 200) + "..." : pointer;
    }
}
