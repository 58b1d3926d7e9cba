package dev.keyway.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NodeSpecTest {

    @Test
    void buildsAndFindsFields() {
        NodeSpec spec = NodeSpec.builder("demo.echo").displayName("Echo")
                .property(FieldSpec.builder("prefix").build())
                .input(FieldSpec.builder("value").type(ValueType.ANY).required().build())
                .output(FieldSpec.builder("value").type(ValueType.ANY).build())
                .build();
        assertThat(spec.property("prefix")).isPresent();
        assertThat(spec.input("value")).isPresent();
        assertThat(spec.output("value")).isPresent();
        assertThat(spec.input("prefix")).isEmpty();
    }

    @Test
    void refusesMalformedTypesAndDuplicateNames() {
        assertThatThrownBy(() -> NodeSpec.builder("Echo").build()).hasMessageContaining("plugin.node-name");
        assertThatThrownBy(() -> NodeSpec.builder("demo.echo")
                .property(FieldSpec.builder("a").build())
                .input(FieldSpec.builder("a").build()).build())
                .hasMessageContaining("declares input 'a' twice");
    }
}
