package dev.keyway.engine.server;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import dev.keyway.api.ApiException;
import dev.keyway.api.Secret;
import java.io.IOException;

/** JSON in and out of the HTTP API: secrets always render as the mask; request bodies parse strictly. */
final class ServerJson {

    /** Deep nesting is an attack, not a payload. */
    private static final int MAX_DEPTH = 64;

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .addModule(new SimpleModule().addSerializer(Secret.class, new MaskSerializer()))
            .build();

    static {
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build());
    }

    private ServerJson() {
    }

    static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
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

    private static final class MaskSerializer extends StdSerializer<Secret> {
        private static final long serialVersionUID = 1L;

        MaskSerializer() {
            super(Secret.class);
        }

        @Override
        public void serialize(Secret value, JsonGenerator generator, SerializerProvider provider) throws IOException {
            generator.writeString(Secret.MASK);
        }
    }
}
