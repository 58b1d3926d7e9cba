package dev.keyway.demo;

import dev.keyway.api.FieldSpec;
import dev.keyway.api.NodeContext;
import dev.keyway.api.NodeSpec;
import dev.keyway.api.NodeType;
import java.util.Locale;
import java.util.Map;
import org.pf4j.Extension;

/** Upper-cases its input text. */
@Extension
public class UpperNode implements NodeType {

    private static final NodeSpec SPEC = NodeSpec.builder("demo.upper")
            .displayName("Upper case")
            .description("Upper-cases a text.")
            .input(FieldSpec.builder("text").description("The text.").required().build())
            .output(FieldSpec.builder("text").description("The text in upper case.").build())
            .build();

    @Override
    public NodeSpec spec() {
        return SPEC;
    }

    @Override
    public Map<String, Object> execute(NodeContext context) {
        return Map.of("text", context.string("text").orElse("").toUpperCase(Locale.ROOT));
    }
}
