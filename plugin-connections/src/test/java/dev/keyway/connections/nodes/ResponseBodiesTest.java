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

    @Test
    void theMediaTypeIsReadWhateverItsCaseSpacingAndParameters() {
        assertThat(ResponseBodies.decode(bytes("{\"a\":1}"), " Application/JSON ;charset=UTF-8")).isEqualTo(Map.of("a", 1));
        assertThat(ResponseBodies.decode(bytes("{}"), "application/problem+json")).isEqualTo(Map.of());
        assertThat(ResponseBodies.decode("caf\u00e9".getBytes(StandardCharsets.ISO_8859_1), "text/plain; charset=ISO-8859-1"))
                .isEqualTo("caf\u00e9");
        assertThat(ResponseBodies.decode(bytes("caf\u00e9"), "text/plain; charset=no-such-charset")).isEqualTo("caf\u00e9");
        assertThat(ResponseBodies.decode(bytes("{}"), "text/json-ish")).isEqualTo("{}");
        assertThat(ResponseBodies.decode(bytes("[1]"), "application/json, text/plain")).isEqualTo(List.of(1));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
