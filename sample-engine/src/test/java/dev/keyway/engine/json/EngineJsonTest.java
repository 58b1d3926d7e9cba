package dev.keyway.engine.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyway.api.Secret;
import dev.keyway.engine.validate.Problem;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EngineJsonTest {

    record Holder(Secret secret, Instant at, String absent) {
    }

    @Test
    void secretsAreMaskedInstantsAreIsoAndNullFieldsOmitted() throws Exception {
        String json = EngineJson.write(new Holder(Secret.of("pa55word"), Instant.parse("2026-01-02T03:04:05Z"), null));

        assertThat(json).isEqualTo("{\"secret\":\"*****\",\"at\":\"2026-01-02T03:04:05Z\"}");
        assertThat(EngineJson.mapper().readValue("\"2026-01-02T03:04:05Z\"", Instant.class))
                .isEqualTo(Instant.parse("2026-01-02T03:04:05Z"));
    }

    @Test
    void secretsNestedInMapsAndListsAreMaskedAndNullMapValuesKept() {
        java.util.Map<String, Object> map = new java.util.LinkedHashMap<>();
        map.put("list", List.of(Secret.of("x1y2z3")));
        map.put("none", null);

        assertThat(EngineJson.write(map)).isEqualTo("{\"list\":[\"*****\"],\"none\":null}");
    }

    @Test
    void problemsRenderWithPointerAndPosition() {
        assertThat(EngineJson.write(List.of(new Problem("/nodes/0", "Bad.", 3, 4))))
                .isEqualTo("[{\"pointer\":\"/nodes/0\",\"message\":\"Bad.\",\"line\":3,\"column\":4}]");
        assertThat(JsonPointers.append("/a", "b/c~d")).isEqualTo("/a/b~1c~0d");
        assertThat(JsonPointers.tokens("/a/b~1c~0d")).containsExactly("a", "b/c~d");
    }
}
