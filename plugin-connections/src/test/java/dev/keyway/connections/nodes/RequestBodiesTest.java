package dev.keyway.connections.nodes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyway.api.NodeException;
import dev.keyway.api.Secret;
import dev.keyway.connections.http.OutgoingRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestBodiesTest {

    @Test
    void jsonWritesSecretsAndFlagsThem() {
        OutgoingRequest.Body body = RequestBodies.encode("json", Map.of("k", List.of(Secret.of("s3cret"))), null);
        assertThat(new String(body.bytes(), StandardCharsets.UTF_8)).isEqualTo("{\"k\":[\"s3cret\"]}");
        assertThat(body.carriesSecret()).isTrue();
        assertThat(body.contentType()).isEqualTo("application/json");
    }

    @Test
    void plainBodiesAreNotFlagged() {
        assertThat(RequestBodies.encode("text", "hi", null).carriesSecret()).isFalse();
        assertThat(RequestBodies.encode("form", Map.of("a", "b"), "application/x-www-form-urlencoded; charset=UTF-8")
                .contentType()).endsWith("UTF-8");
    }

    @Test
    void noneOrNullMeansNoBody() {
        assertThat(RequestBodies.encode("none", "x", null)).isNull();
        assertThat(RequestBodies.encode("json", null, null)).isNull();
    }

    @Test
    void mismatchedShapesAreExplained() {
        assertThatThrownBy(() -> RequestBodies.encode("form", "x", null))
                .isInstanceOfSatisfying(NodeException.class, e -> assertThat(e.getMessage()).contains("form"));
        assertThatThrownBy(() -> RequestBodies.encode("text", Map.of(), null))
                .isInstanceOfSatisfying(NodeException.class, e -> assertThat(e.getMessage()).contains("json"));
    }
}
