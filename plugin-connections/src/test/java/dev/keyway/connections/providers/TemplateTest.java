package dev.keyway.connections.providers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyway.api.Secret;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateTest {

    @Test
    void fillsPlainValuesIntoAString() {
        Object out = Template.parse("{email}/token").render(Map.<String, Object>of("email", "a@b.c")::get);
        assertThat(out).isEqualTo("a@b.c/token");
    }

    @Test
    void anySecretPieceMakesTheResultASecret() {
        Object out = Template.parse("Bearer {token}").render(Map.<String, Object>of("token", Secret.of("t0k"))::get);
        assertThat(out).isInstanceOf(Secret.class);
        assertThat(((Secret) out).reveal()).isEqualTo("Bearer t0k");
    }

    @Test
    void base64JoinsNamesWithColons() {
        Object out = Template.parse("Basic {base64(user:pass)}")
                .render(Map.<String, Object>of("user", "u", "pass", Secret.of("p"))::get);
        assertThat(((Secret) out).reveal()).isEqualTo("Basic dTpw");
    }

    @Test
    void valuesAreNotReadAsTemplatesAgain() {
        Object out = Template.parse("{a}").render(Map.<String, Object>of("a", "{b}", "b", "leak")::get);
        assertThat(out).isEqualTo("{b}");
    }

    @Test
    void escaperSeesEachFilledValue() {
        Object out = Template.parse("/q/{term}").render(Map.<String, Object>of("term", "a b/c")::get,
                (name, value) -> URLEncoder.encode(value, StandardCharsets.UTF_8));
        assertThat(out).isEqualTo("/q/a+b%2Fc");
    }

    @Test
    void namesListsEveryPlaceholder() {
        assertThat(Template.parse("{a}-{base64(b:c)}-{a}").names()).containsExactly("a", "b", "c");
        assertThat(Template.parse("2023-06-01").isConstant()).isTrue();
    }

    @Test
    void strayBraceIsRejectedWithItsOffset() {
        assertThatThrownBy(() -> Template.parse("Bearer {to ken}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("offset 7");
    }

    @Test
    void missingValueNamesThePlaceholder() {
        assertThatThrownBy(() -> Template.parse("{nope}").render(name -> null))
                .isInstanceOf(Template.MissingValueException.class)
                .hasMessageContaining("{nope}");
    }
}
