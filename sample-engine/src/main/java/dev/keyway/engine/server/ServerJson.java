package dev.keyway.engine.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.keyway.api.ApiException;
import dev.keyway.engine.json.EngineJson;
import java.io.IOException;

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
        try {
            return MAPPER.readValue(body, Object.class);
        } catch (JsonProcessingException e) {
            var location = e.getLocation();
            String where = location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
            throw new ApiException(400, "invalid_json", "the request body is not valid JSON%s: %s", where,
                    e.getOriginalMessage());
        } catch (IOException e) {
            throw new ApiException(400, "invalid_json", "the request body cannot be read: %s", e.getMessage());
        }
    }
}
