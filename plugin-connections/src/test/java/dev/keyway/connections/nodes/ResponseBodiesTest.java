package dev.keyway.connections.nodes;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResponseBodiesTest {

    @Test
    void jsonIsParsedIncludingVendorTypes() {
        assertThat(ResponseBodies.decode(bytes("{\"a\":[1]}"), "application/json; charset=utf-8"))
                .isEqualTo(Map.of("a", List.of(1)));
        assertThat(ResponseBodies.decode(bytes("[true]"), "application/vnd.pagerduty+json")).isEqualTo(List.of(true));
    }

    @Test
    void everythingElseIsText() {
        assertThat(ResponseBodies.decode(bytes("<p>hi</p>"), "text/html")).isEqualTo("<p>hi</p>");
        assertThat(ResponseBodies.decode(bytes("not json"), "application/json")).isEqualTo("not json");
        assertThat(ResponseBodies.decode(new byte[0], "application/json")).isNull();
        assertThat(ResponseBodies.decode(bytes("x"), null)).isEqualTo("x");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
