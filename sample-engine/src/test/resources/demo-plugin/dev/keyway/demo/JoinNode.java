package dev.keyway.demo;

import dev.keyway.api.FieldSpec;
import dev.keyway.api.NodeContext;
import dev.keyway.api.NodeSpec;
import dev.keyway.api.NodeType;
import dev.keyway.api.ValueType;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.pf4j.Extension;

/** Joins a list of texts with a separator. */
@Extension
public class JoinNode implements NodeType {

    private static final NodeSpec SPEC = NodeSpec.builder("demo.join")
            .displayName("Join")
            .description("Joins texts with a separator.")
            .property(FieldSpec.builder("separator").description("Put between the texts.").defaultValue(" ").build())
            .input(FieldSpec.builder("parts").type(ValueType.ARRAY).description("The texts.").required().build())
            .output(FieldSpec.builder("text").description("The joined text.").build())
            .build();

    @Override
    public NodeSpec spec() {
        return SPEC;
    }

    @Override
    public Map<String, Object> execute(NodeContext context) {
        List<?> parts = (List<?>) context.inputs().get("parts");
        String separator = context.string("separator").orElse(" ");
        return Map.of("text", parts.stream().map(String::valueOf).collect(Collectors.joining(separator)));
    }
}
