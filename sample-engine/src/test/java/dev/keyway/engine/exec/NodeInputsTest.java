package dev.keyway.engine.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyway.api.FieldSpec;
import dev.keyway.api.FieldValidator;
import dev.keyway.api.NodeException;
import dev.keyway.api.NodeSpec;
import dev.keyway.api.Secret;
import dev.keyway.api.ValueType;
import dev.keyway.engine.pattern.NodeDef;
import dev.keyway.engine.pattern.Wire;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NodeInputsTest {

    private static final NodeSpec SPEC = NodeSpec.builder("test.inputs")
            .property(FieldSpec.builder("mode").defaultValue("fast").build())
            .property(FieldSpec.builder("password").sensitive().build())
            .input(FieldSpec.builder("token").type(ValueType.SECRET).build())
            .input(FieldSpec.builder("name").required().build())
            .input(FieldSpec.builder("size").type(ValueType.INTEGER).defaultValue(3).build())
            .build();

    private final ExecutionSecrets secrets = new ExecutionSecrets();
    private final WireResolver resolver = new WireResolver(Map.of("who", "ann", "n", "x"), id -> null);

    private NodeInputs prepare(Map<String, Object> properties, Map<String, Object> inputs) {
        return NodeInputs.prepare(new NodeDef("n", "test.inputs", properties, inputs, null), SPEC, resolver, secrets);
    }

    @Test
    void appliesDefaultsResolvesWiresAndWrapsSecrets() {
        NodeInputs values = prepare(Map.of("password", "p4ssw0rd"),
                Map.of("token", "tok-123", "name", Wire.to("trigger.who")));

        assertThat(values.properties()).containsEntry("mode", "fast").containsEntry("password", "p4ssw0rd");
        assertThat(values.inputs()).containsEntry("name", "ann").containsEntry("size", 3);
        assertThat(values.inputs().get("token")).isInstanceOf(Secret.class);
        assertThat(secrets.redactor().scrub("tok-123 p4ssw0rd")).isEqualTo("***** *****");
    }

    @Test
    void aRequiredInputWhoseWireResolvesToNothingNamesTheWire() {
        assertThatThrownBy(() -> prepare(Map.of(), Map.of("name", Wire.to("trigger.nobody"))))
                .isInstanceOfSatisfying(NodeException.class, e -> assertThat(e.code()).isEqualTo("missing_input"))
                .hasMessageContaining("'trigger.nobody'");
        assertThatThrownBy(() -> prepare(Map.of(), Map.of()))
                .hasMessageContaining("Input 'name' of node 'n' is required but not set");
    }

    @Test
    void wiredValuesOfTheWrongTypeAreRefused() {
        assertThatThrownBy(() -> prepare(Map.of(), Map.of("name", "x", "size", Wire.to("trigger.n"))))
                .isInstanceOfSatisfying(NodeException.class, e -> assertThat(e.code()).isEqualTo("invalid_input"))
                .hasMessageContaining("'size'").hasMessageContaining("integer");
    }

    @Test
    void onlyWiredValuesAreCheckedAgainAtRunTime() {
        java.util.List<Object> checked = new java.util.concurrent.CopyOnWriteArrayList<>();
        FieldValidator shortText = value -> {
            checked.add(value);
            return String.valueOf(value).length() <= 3 ? java.util.Optional.empty()
                    : java.util.Optional.of("must be at most 3 characters");
        };
        NodeSpec spec = NodeSpec.builder("test.checked")
                .property(FieldSpec.builder("label").validator(shortText).build())
                .input(FieldSpec.builder("code").validator(shortText).build())
                .input(FieldSpec.builder("fallback").defaultValue("abc").validator(shortText).build())
                .build();
        checked.clear(); // the default was checked once, when the spec was built
        NodeDef node = new NodeDef("n", "test.checked", Map.of("label", "abc"), Map.of("code", Wire.to("trigger.who")),
                null);

        NodeInputs.prepare(node, spec, resolver, secrets);
        assertThat(checked).containsExactly("ann"); // literal and default were checked when validated

        NodeSpec objects = NodeSpec.builder("test.objects")
                .input(FieldSpec.builder("headers").type(ValueType.OBJECT).validator(value -> ((Map<?, ?>) value)
                        .values().stream().allMatch(v -> String.valueOf(v).length() <= 3) ? java.util.Optional.empty()
                        : java.util.Optional.of("must hold values of at most 3 characters")).build())
                .build();
        NodeDef mixed = new NodeDef("n", "test.objects", Map.of(),
                Map.of("headers", Map.of("Accept", "json", "X-Code", Wire.to("trigger.long"))), null);
        WireResolver longer = new WireResolver(Map.of("long", "abcdef"), id -> null);
        assertThatThrownBy(() -> NodeInputs.prepare(mixed, objects, longer, secrets))
                .as("a literal object holding a wire is checked once the wire is resolved")
                .hasMessageContaining("Input 'headers' of node 'n' must hold values of at most 3 characters");

        NodeDef tooLong = new NodeDef("n", "test.checked", Map.of(), Map.of("code", Wire.to("trigger.long")), null);
        assertThatThrownBy(() -> NodeInputs.prepare(tooLong, spec, longer, secrets))
                .isInstanceOfSatisfying(NodeException.class, e -> assertThat(e.code()).isEqualTo("invalid_input"))
                .hasMessageContaining("Input 'code' of node 'n' must be at most 3 characters");
    }
}
