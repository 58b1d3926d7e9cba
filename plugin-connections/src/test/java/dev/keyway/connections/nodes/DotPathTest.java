package dev.keyway.connections.nodes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyway.api.NodeException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DotPathTest {

    @Test
    void onlyMapsAlongThePathAreCopied() {
        Map<String, Object> sibling = Map.of("x", 1);
        Map<String, Object> input = Map.of("a", Map.of("b", 1), "sibling", sibling);
        Map<String, Object> out = DotPath.parse("a.c").set(input, 2);
        assertThat(out.get("a")).isEqualTo(Map.of("b", 1, "c", 2));
        assertThat(out.get("sibling")).isSameAs(sibling);
        assertThat(input.get("a")).isEqualTo(Map.of("b", 1));
    }

    @Test
    void emptySegmentsAreRefused() {
        for (String bad : new String[] {"", ".a", "a.", "a..b"}) {
            assertThatThrownBy(() -> DotPath.parse(bad)).as(bad)
                    .isInstanceOfSatisfying(NodeException.class, e -> assertThat(e.code()).isEqualTo("invalid_path"));
        }
    }
}
