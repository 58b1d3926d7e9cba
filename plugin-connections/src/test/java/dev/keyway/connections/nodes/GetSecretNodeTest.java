package dev.keyway.connections.nodes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyway.api.NodeException;
import dev.keyway.api.Principal;
import dev.keyway.api.Secret;
import dev.keyway.connections.http.HttpSettings;
import dev.keyway.connections.http.SafeHttpClient;
import dev.keyway.connections.providers.ProviderCatalogue;
import dev.keyway.connections.testing.InMemoryResolver;
import dev.keyway.connections.testing.TestNodeContext;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GetSecretNodeTest {

    private static final String CANARY = "canary-env-secret-77";

    private final ConnectionResolver resolver = new InMemoryResolver() {
        @Override
        public Optional<Secret> environmentSecret(Principal principal, String environment, String name) {
            return principal.equals(TestNodeContext.ALICE) && environment.equals("production") && name.equals("SLACK_API_KEY")
                    ? Optional.of(Secret.of(CANARY)) : Optional.empty();
        }
    };
    private final SafeHttpClient http = new SafeHttpClient(HttpSettings.defaults());
    private final GetSecretNode node = new GetSecretNode(() -> new NodeServices(ProviderCatalogue.builtIn(), resolver, http));

    @AfterEach
    void close() {
        http.close();
    }

    @Test
    void readsTheSecretOfTheExecutionsEnvironmentAndRegistersIt() {
        TestNodeContext context = new TestNodeContext(node.spec()).property("name", "SLACK_API_KEY")
                .as(TestNodeContext.ALICE, "production");
        Map<String, Object> outputs = node.execute(context);
        assertThat(outputs.get("value")).isInstanceOf(Secret.class);
        assertThat(((Secret) outputs.get("value")).reveal()).isEqualTo(CANARY);
        assertThat(context.registered()).extracting(Secret::reveal).containsExactly(CANARY);
    }

    @Test
    void aMissingSecretFailsWithTheNameAndEnvironmentButNoValue() {
        TestNodeContext context = new TestNodeContext(node.spec()).property("name", "SLACK_API_KEY")
                .as(TestNodeContext.ALICE, "staging");
        assertThatThrownBy(() -> node.execute(context)).isInstanceOf(NodeException.class)
                .hasMessageContaining("SLACK_API_KEY").hasMessageContaining("staging").hasMessageNotContaining(CANARY)
                .extracting(e -> ((NodeException) e).code()).isEqualTo("secret_not_found");
        assertThat(node.spec().property("name").orElseThrow().check("slack-key")).isNotEmpty();
        assertThat(List.of(node.spec().type())).containsExactly("connections.get-secret");
    }
}
