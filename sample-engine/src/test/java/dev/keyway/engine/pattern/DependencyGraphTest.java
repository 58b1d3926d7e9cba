package dev.keyway.engine.pattern;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DependencyGraphTest {

    private static NodeDef node(String id, Object value) {
        return new NodeDef(id, "test.echo", Map.of(), Map.of("value", value), null);
    }

    private static Pattern pattern(NodeDef... nodes) {
        return new Pattern("p", "p", null, null, null, List.of(nodes), Map.of());
    }

    @Test
    void collectsDependenciesFromNestedWiresIgnoringTriggerSelfAndUnknownNodes() {
        DependencyGraph graph = DependencyGraph.of(pattern(
                node("a", Wire.to("trigger.x")),
                node("b", Map.of("list", List.of(Wire.to("a.value"), Wire.to("ghost.value")))),
                node("c", List.of(Wire.to("a.value"), Wire.to("b.value"), Wire.to("c.value")))));

        assertThat(graph.dependencies("a")).isEmpty();
        assertThat(graph.dependencies("b")).containsExactly("a");
        assertThat(graph.dependencies("c")).containsExactly("a", "b");
        assertThat(graph.dependents("a")).containsExactly("b", "c");
        assertThat(graph.cycles()).isEmpty();
    }

    @Test
    void reportsEachCycleOnce() {
        DependencyGraph graph = DependencyGraph.of(pattern(
                node("a", Wire.to("c.value")),
                node("b", Wire.to("a.value")),
                node("c", Wire.to("b.value")),
                node("d", Wire.to("e.value")),
                node("e", Wire.to("d.value")),
                node("f", Wire.to("a.value"))));

        assertThat(graph.cycles()).containsExactly(List.of("a", "c", "b"), List.of("d", "e"));
    }
}
