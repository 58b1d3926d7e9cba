package dev.keyway.engine.exec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyway.api.Secret;
import dev.keyway.engine.pattern.Wire;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WireResolverTest {

    private final WireResolver resolver = new WireResolver(Map.of("items", List.of("a", "b"), "key", Secret.of("k3y!")),
            id -> id.equals("call") ? Map.of("body", Map.of("list", List.of(Map.of("n", 1)))) : null);

    @Test
    void followsMapKeysAndArrayIndexes() {
        assertThat(resolver.resolveWire(Wire.to("call.body.list.0.n"))).isEqualTo(1);
        assertThat(resolver.resolveWire(Wire.to("trigger.items.1"))).isEqualTo("b");
        assertThat(resolver.resolveWire(Wire.to("trigger"))).isInstanceOf(Map.class);
    }

    @Test
    void missingPathsGiveTheDefaultOrNull() {
        assertThat(resolver.resolveWire(Wire.to("trigger.items.5"))).isNull();
        assertThat(resolver.resolveWire(Wire.to("trigger.items.x"))).isNull();
        assertThat(resolver.resolveWire(Wire.to("trigger.key.inner"))).isNull();
        assertThat(resolver.resolveWire(Wire.to("later.value"))).isNull();
        assertThat(resolver.resolveWire(new Wire("call.body.none", "fallback", true))).isEqualTo("fallback");
    }

    @Test
    void resolvesNestedWiresInACopy() {
        Object resolved = resolver.resolve(Map.of("h", List.of(Wire.to("trigger.items.0"), "lit")));

        assertThat(resolved).isEqualTo(Map.of("h", List.of("a", "lit")));
    }
}
