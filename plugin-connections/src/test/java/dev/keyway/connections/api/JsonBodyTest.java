package dev.keyway.connections.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyway.api.ApiException;
import dev.keyway.api.Principal;
import dev.keyway.api.Secret;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JsonBodyTest {

    private static final Principal ALICE = new Principal("alice", "acme");

    /** A request whose parsed body is one mutable document, as the host caches it. */
    private record ParsedRequest(Map<String, Object> parsed) implements dev.keyway.api.ApiRequest {
        public String method() {
            return "POST";
        }

        public String path() {
            return "/x";
        }

        public Map<String, String> pathParams() {
            return Map.of();
        }

        public Map<String, List<String>> query() {
            return Map.of();
        }

        public java.util.Optional<String> header(String name) {
            return java.util.Optional.empty();
        }

        public Principal principal() {
            return ALICE;
        }

        public String environment() {
            return "development";
        }

        public byte[] body() {
            return new byte[] {'{', '}'};
        }

        public Object jsonBody() {
            return parsed;
        }
    }

    @Test
    void credentialValuesLeaveTheParsedDocumentAsSecrets() {
        Map<String, Object> credentials = new LinkedHashMap<>(Map.of("api-token", "t0ken"));
        Map<String, Object> parsed = new LinkedHashMap<>(Map.of("apiKey", "k3y", "credentials", credentials, "name", "n"));
        JsonBody body = JsonBody.of(new ParsedRequest(parsed), Set.of("apiKey", "credentials", "name"));

        Secret key = body.secret("apiKey").orElseThrow();
        Map<String, Secret> fields = body.secretObject("credentials").orElseThrow();

        assertThat(key.reveal()).isEqualTo("k3y");
        assertThat(fields.get("api-token").reveal()).isEqualTo("t0ken");
        assertThat(parsed).containsOnlyKeys("name");
        assertThat(credentials).isEmpty();
    }

    @Test
    void wrongTypesAndUnknownFieldsAreNamedButValuesNeverEchoed() {
        Map<String, Object> parsed = new LinkedHashMap<>(Map.of("apiKey", List.of("s3cret-value"), "tags", List.of(1)));
        JsonBody body = JsonBody.of(new ParsedRequest(parsed), Set.of("apiKey", "tags"));
        assertThatThrownBy(() -> body.secret("apiKey")).isInstanceOf(ApiException.class)
                .hasMessage("field 'apiKey' must be a string, not an array");
        assertThatThrownBy(() -> body.textList("tags")).hasMessageContaining("field 'tags'").hasMessageContaining("a number");
        assertThatThrownBy(() -> JsonBody.of(new ParsedRequest(new LinkedHashMap<>(Map.of("x".repeat(100), 1))), Set.of("a")))
                .hasMessageContaining("unknown field '" + "x".repeat(40) + "...'");
        assertThatThrownBy(() -> JsonBody.of(new ParsedRequest(new LinkedHashMap<>(Map.of("text", "y".repeat(3000)))),
                Set.of("text")).text("text")).hasMessage("field 'text' is longer than 2000 characters");
    }

    @Test
    void plainFieldsMustBeVisibleTextWhileSecretsAreTakenAsGiven() {
        Map<String, Object> parsed = new LinkedHashMap<>(Map.of("displayName", "Slack\u202e", "tags", List.of("ok", "a\u0000b"),
                "apiKey", "k\u0000y"));
        JsonBody body = JsonBody.of(new ParsedRequest(parsed), Set.of("displayName", "tags", "apiKey"));

        assertThatThrownBy(() -> body.text("displayName")).isInstanceOf(ApiException.class)
                .hasMessageContaining("field 'displayName' contains U+202E");
        assertThatThrownBy(() -> body.textList("tags")).hasMessageContaining("field 'tags' contains U+0000 (a control character)");
        assertThat(body.secret("apiKey").orElseThrow().reveal()).isEqualTo("k\u0000y");
    }
}
