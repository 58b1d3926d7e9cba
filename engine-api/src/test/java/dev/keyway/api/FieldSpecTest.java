package dev.keyway.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FieldSpecTest {

    @Test
    void checksTypeAllowedValuesAndValidators() {
        FieldSpec method = FieldSpec.builder("method").allowedValues("GET", "POST").build();
        assertThat(method.check("GET")).isEmpty();
        assertThat(method.check("PUT")).containsExactly("must be one of GET, POST but is 'PUT'");
        assertThat(method.check(3)).containsExactly("must be of type string but is integer");

        FieldSpec timeout = FieldSpec.builder("timeoutMs").type(ValueType.INTEGER)
                .validator(FieldValidator.range(1, 1000)).build();
        assertThat(timeout.check(5000)).containsExactly("must be between 1 and 1000");
    }

    @Test
    void doesNotQuoteSensitiveValuesInProblems() {
        FieldSpec key = FieldSpec.builder("key").sensitive().allowedValues("x").build();
        assertThat(key.check("canary-value")).singleElement().asString().doesNotContain("canary-value");
    }

    @Test
    void secretTypeAcceptsSecretsAndStrings() {
        FieldSpec token = FieldSpec.builder("token").type(ValueType.SECRET).build();
        assertThat(token.check(Secret.of("t"))).isEmpty();
        assertThat(token.check("t")).isEmpty();
        assertThat(token.check(1)).isNotEmpty();
    }

    @Test
    void refusesBadDeclarations() {
        assertThatThrownBy(() -> FieldSpec.builder("1bad").build())
                .hasMessageContaining("must start with a letter");
        assertThatThrownBy(() -> FieldSpec.builder("x").required().defaultValue("d").build())
                .hasMessageContaining("both required and defaulted");
        assertThatThrownBy(() -> FieldSpec.builder("x").type(ValueType.INTEGER).defaultValue("d").build())
                .hasMessageContaining("not of type integer");
    }

    @Test
    void refusesADefaultItsOwnFieldWouldRefuse() {
        assertThatThrownBy(() -> FieldSpec.builder("method").allowedValues("GET", "POST").defaultValue("PUT").build())
                .hasMessageContaining("default of field 'method'").hasMessageContaining("must be one of GET, POST");
        assertThatThrownBy(() -> FieldSpec.builder("size").type(ValueType.INTEGER).defaultValue(0)
                .validator(FieldValidator.range(1, 10)).build())
                .hasMessageContaining("default of field 'size'");
        assertThat(FieldSpec.builder("size").type(ValueType.INTEGER).defaultValue(5)
                .validator(FieldValidator.range(1, 10)).build().defaultValue()).isEqualTo(5);
    }
}
