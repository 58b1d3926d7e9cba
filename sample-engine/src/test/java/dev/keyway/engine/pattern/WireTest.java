package dev.keyway.engine.pattern;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WireTest {

    @Test
    void splitsSourceAndPath() {
        Wire wire = Wire.to("call.body.items.0.name");

        assertThat(wire.source()).isEqualTo("call");
        assertThat(wire.path()).containsExactly("body", "items", "0", "name");
        assertThat(wire.fromTrigger()).isFalse();
        assertThat(Wire.to("trigger").fromTrigger()).isTrue();
        assertThat(Wire.to("trigger").path()).isEmpty();
    }

    @Test
    void wiresAreFoundAtAnyDepthWithEscapedPointers() {
        List<String> found = new ArrayList<>();
        Wires.forEach(Map.of("a/b", List.of(1, Wire.to("x.y"))), "/inputs", (wire, at) -> found.add(at + "=" + wire.from()));

        assertThat(found).containsExactly("/inputs/a~1b/1=x.y");
        assertThat(Wires.contains(List.of(1, "x"))).isFalse();
    }
}
