package dev.keyway.connections.nodes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyway.api.NodeException;
import dev.keyway.api.Secret;
import dev.keyway.connections.testing.TestNodeContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SetPropertyNodeTest {

    private static final String CANARY = "canary-51ab";

    private final SetPropertyNode node = new SetPropertyNode();

    @Test
    void setsANestedPathInACopy() {
        Map<String, Object> input = new LinkedHashMap<>(Map.of("keep", 1, "headers", Map.of("Accept", "text/plain")));
        Map<String, Object> out = object(context("headers.X-Trace", "t-1").input("object", input));

        assertThat(out).containsEntry("keep", 1);
        assertThat(out.get("headers")).isEqualTo(Map.of("Accept", "text/plain", "X-Trace", "t-1"));
        assertThat(input.get("headers")).isEqualTo(Map.of("Accept", "text/plain"));
    }

    @Test
    void createsObjectsOnTheWayAndDefaultsToAnEmptyObject() {
        Map<String, Object> out = object(context("a.b.c", 42));
        assertThat(out).isEqualTo(Map.of("a", Map.of("b", Map.of("c", 42))));
    }

    @Test
    void aSecretStaysTheSameSecretWithoutATemplate() {
        Secret secret = Secret.of(CANARY);
        TestNodeContext context = context("Authorization", secret);
        assertThat(object(context).get("Authorization")).isSameAs(secret);
        assertThat(context.registered()).contains(secret);
    }

    @Test
    void aTemplateOverASecretGivesASecret() {
        Object value = object(context("Authorization", Secret.of(CANARY)).property("template", "Bearer {value}"))
                .get("Authorization");
        assertThat(value).isInstanceOf(Secret.class);
        assertThat(((Secret) value).reveal()).isEqualTo("Bearer " + CANARY);
        assertThat(value.toString()).doesNotContain(CANARY);
    }

    @Test
    void aTemplateOverPlainTextGivesText() {
        assertThat(object(context("Accept", "json").property("template", "application/{value}")).get("Accept"))
                .isEqualTo("application/json");
    }

    @Test
    void base64OfAUserPasswordValue() {
        Object value = object(context("Authorization", Secret.of("user:pass"))
                .property("template", "Basic {base64(value)}")).get("Authorization");
        assertThat(((Secret) value).reveal()).isEqualTo("Basic dXNlcjpwYXNz");
    }

    @Test
    void base64OfNamedInputs() {
        Object value = object(context("Authorization", null)
                .property("template", "Basic {base64(user:pass)}")
                .input("vars", Map.of("user", "user", "pass", Secret.of("pass")))).get("Authorization");
        assertThat(((Secret) value).reveal()).isEqualTo("Basic dXNlcjpwYXNz");
    }

    @Test
    void secretTrueMakesAPlainValueASecretFromThatMoment() {
        TestNodeContext context = context("api.key", CANARY).property("secret", true);
        Map<String, Object> out = object(context);

        Object value = ((Map<?, ?>) out.get("api")).get("key");
        assertThat(value).isInstanceOf(Secret.class);
        assertThat(((Secret) value).reveal()).isEqualTo(CANARY);
        assertThat(context.registered()).containsExactly((Secret) value);
        assertThat(out.toString()).doesNotContain(CANARY).contains(Secret.MASK);
    }

    @Test
    void secretTrueWrapsEveryLeafOfAnObjectAndTheTemplatesResult() {
        TestNodeContext context = context("creds", Map.of("user", "svc", "pin", 4711, "tags", List.of("a-b-c", "")))
                .property("secret", true);
        Map<?, ?> creds = (Map<?, ?>) object(context).get("creds");
        assertThat(creds.get("user")).isInstanceOf(Secret.class);
        assertThat(((Secret) creds.get("pin")).reveal()).isEqualTo("4711");
        assertThat((List<?>) creds.get("tags")).first().isInstanceOf(Secret.class);
        assertThat((List<?>) creds.get("tags")).last().isEqualTo("");
        assertThat(context.registered()).hasSize(3);

        TestNodeContext templated = context("Authorization", "plain-" + CANARY).property("secret", true)
                .property("template", "Token {value}");
        Object header = object(templated).get("Authorization");
        assertThat(((Secret) header).reveal()).isEqualTo("Token plain-" + CANARY);
        assertThat(templated.registered()).containsExactly((Secret) header);
    }

    @Test
    void secretFalseLeavesPlainTextPlain() {
        TestNodeContext context = context("Accept", "application/json");
        assertThat(object(context).get("Accept")).isEqualTo("application/json");
        assertThat(context.registered()).isEmpty();
        assertThat(node.spec().property("secret").orElseThrow().defaultValue()).isEqualTo(false);
    }

    @Test
    void aPathThroughAValueIsAConflict() {
        assertThatThrownBy(() -> node.execute(context("a.b", 1).input("object", Map.of("a", Secret.of(CANARY)))))
                .isInstanceOfSatisfying(NodeException.class, e -> {
                    assertThat(e.code()).isEqualTo("path_conflict");
                    assertThat(e.getMessage()).contains("'a'", "secret").doesNotContain(CANARY);
                });
    }

    @Test
    void aMissingTemplateValueIsNamed() {
        assertThatThrownBy(() -> node.execute(context("x", "v").property("template", "{value}-{other}")))
                .isInstanceOfSatisfying(NodeException.class, e -> {
                    assertThat(e.code()).isEqualTo("missing_value");
                    assertThat(e.getMessage()).contains("{other}");
                });
    }

    @Test
    void badPathsAndTemplatesAreCaughtByTheSpec() {
        assertThat(node.spec().property("path").orElseThrow().check("a..b")).isNotEmpty();
        assertThat(node.spec().property("template").orElseThrow().check("Bearer {value")).isNotEmpty();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> object(TestNodeContext context) {
        return (Map<String, Object>) node.execute(context).get("object");
    }

    private TestNodeContext context(String path, Object value) {
        TestNodeContext context = new TestNodeContext(node.spec()).property("path", path);
        return value == null ? context : context.input("value", value);
    }
}
