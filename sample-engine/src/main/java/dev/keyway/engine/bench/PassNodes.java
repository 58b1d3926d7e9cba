package dev.keyway.engine.bench;

import dev.keyway.api.FieldSpec;
import dev.keyway.api.NodeContext;
import dev.keyway.api.NodeSpec;
import dev.keyway.api.NodeType;
import dev.keyway.api.ValueType;
import dev.keyway.engine.NodeCatalog;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The catalog of the engine benchmark: one in-memory node type, {@code bench.pass}, that hands its
 * input on. It lives only in the benchmark's own engine, never beside plugin node types.
 */
final class PassNodes implements NodeCatalog {

    static final String TYPE = "bench.pass";

    private static final NodeType PASS = new NodeType() {
        private final NodeSpec spec = NodeSpec.builder(TYPE).description("Outputs its input unchanged.")
                .input(FieldSpec.builder("value").type(ValueType.ANY).required().build())
                .output(FieldSpec.builder("value").type(ValueType.ANY).build())
                .build();

        @Override
        public NodeSpec spec() {
            return spec;
        }

        @Override
        public Map<String, Object> execute(NodeContext context) {
            return Map.of("value", context.inputs().get("value"));
        }
    };

    @Override
    public Optional<NodeType> find(String type) {
        return TYPE.equals(type) ? Optional.of(PASS) : Optional.empty();
    }

    @Override
    public List<NodeSpec> specs() {
        return List.of(PASS.spec());
    }

    /** A chain of pass nodes: n0 reads the trigger's {@code text}, each next node the one before. */
    static String chain(int length) {
        StringBuilder nodes = new StringBuilder();
        for (int i = 0; i < length; i++) {
            String from = i == 0 ? "trigger.text" : "n" + (i - 1) + ".value";
            nodes.append(i == 0 ? "" : ",").append("{\"id\":\"n").append(i).append("\",\"type\":\"").append(TYPE)
                    .append("\",\"inputs\":{\"value\":{\"from\":\"").append(from).append("\"}}}");
        }
        return "{\"id\":\"chain-" + length + "\",\"name\":\"chain of " + length + "\",\"nodes\":[" + nodes
                + "],\"outputs\":{\"last\":{\"from\":\"n" + (length - 1) + ".value\"}}}";
    }
}
