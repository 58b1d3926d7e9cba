package dev.keyway.connections.nodes;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.keyway.api.NodeException;
import dev.keyway.api.Secret;
import dev.keyway.connections.http.OutgoingRequest;
import dev.keyway.connections.json.PluginJson;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/** Encodes the {@code body} input as JSON, text or a form; secrets are written as plaintext and flagged. */
final class RequestBodies {

    static final List<String> TYPES = List.of("json", "text", "form", "none");

    private static final ObjectMapper JSON = PluginJson.builder().addModule(
            new SimpleModule("keyway-secrets").addSerializer(Secret.class, new JsonSerializer<>() {
                @Override
                public void serialize(Secret secret, JsonGenerator out, SerializerProvider provider) throws IOException {
                    out.writeString(secret.reveal());
                }
            })).build();

    private RequestBodies() {
    }

    /**
     * @param contentType a Content-Type the pattern set in its headers, or null for the type's default
     * @return the body, or null when there is none
     */
    static OutgoingRequest.Body encode(String bodyType, Object body, String contentType) {
        if (body == null || "none".equals(bodyType)) {
            return null;
        }
        boolean secret = !SecretsIn.of(body).isEmpty();
        return switch (bodyType) {
            case "json" -> new OutgoingRequest.Body(json(body), orDefault(contentType, "application/json"), secret);
            case "text" -> new OutgoingRequest.Body(text(body).getBytes(StandardCharsets.UTF_8),
                    orDefault(contentType, "text/plain; charset=UTF-8"), secret);
            case "form" -> new OutgoingRequest.Body(form(body).getBytes(StandardCharsets.UTF_8),
                    orDefault(contentType, "application/x-www-form-urlencoded"), secret);
            default -> throw new NodeException("invalid_body_type", "bodyType '%s' is not one of %s", bodyType, TYPES);
        };
    }

    private static byte[] json(Object body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new NodeException("invalid_body", "the body cannot be written as JSON (%s); pass objects, lists, "
                    + "text, numbers and booleans", e.getOriginalMessage());
        }
    }

    private static String text(Object body) {
        if (body instanceof Secret secret) {
            return secret.reveal();
        }
        if (body instanceof Map || body instanceof List) {
            throw new NodeException("invalid_body", "bodyType text needs text, not an object or list; use bodyType json");
        }
        return String.valueOf(body);
    }

    private static String form(Object body) {
        if (!(body instanceof Map<?, ?> fields)) {
            throw new NodeException("invalid_body", "bodyType form needs an object of field names to values");
        }
        StringJoiner out = new StringJoiner("&");
        fields.forEach((name, value) -> {
            if (value != null) {
                out.add(URLEncoder.encode(String.valueOf(name), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(text(value), StandardCharsets.UTF_8));
            }
        });
        return out.toString();
    }

    private static String orDefault(String contentType, String fallback) {
        return contentType == null ? fallback : contentType;
    }
}
