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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GetConnectionNodeTest {

    private static final String CANARY = "canary-b81c";

    private final InMemoryResolver resolver = new InMemoryResolver()
            .add(TestNodeContext.ALICE, "production", new ResolvedConnection("conn_jira1", "jira", "Jira - Production",
                    "credentials", null, List.of(), Map.of("user-email", Secret.of("alice@acme.test"),
                    "api-token", Secret.of(CANARY), "base-url", Secret.of("https://acme.atlassian.net"))))
            .add(TestNodeContext.ALICE, "staging", new ResolvedConnection("conn_jira2", "jira", "Jira - Production",
                    "credentials", "https://acme-staging.atlassian.net", List.of(),
                    Map.of("api-token", Secret.of(CANARY + "-stg"))));
    private final SafeHttpClient http = new SafeHttpClient(HttpSettings.defaults());
    private final NodeServices services = new NodeServices(ProviderCatalogue.builtIn(), resolver, http);
    private final GetConnectionNode node = new GetConnectionNode(() -> services);

    @AfterEach
    void close() {
        http.close();
    }

    @Test
    void resolvesByIdAndHandsOnSecretsWithMetadata() {
        TestNodeContext context = context("conn_jira1");
        Map<String, Object> out = node.execute(context);

        @SuppressWarnings("unchecked")
        Map<String, Object> credentials = (Map<String, Object>) out.get("credentials");
        assertThat(credentials).containsOnlyKeys("user-email", "api-token", "base-url");
        assertThat(credentials.values()).allMatch(Secret.class::isInstance);
        assertThat(((Secret) credentials.get("api-token")).reveal()).isEqualTo(CANARY);
        assertThat(out).containsEntry("provider", "jira").containsEntry("displayName", "Jira - Production")
                .containsEntry("type", "credentials").containsEntry("baseUrl", "https://acme.atlassian.net");
        assertThat(out.toString()).doesNotContain(CANARY);
        assertThat(context.registered()).hasSize(3);
    }

    @Test
    void aNameReferenceResolvesInTheExecutionsEnvironment() {
        Map<String, Object> out = node.execute(context("jira/Jira - Production").as(TestNodeContext.ALICE, "staging"));
        assertThat(out).containsEntry("baseUrl", "https://acme-staging.atlassian.net");
        assertThat(((Secret) ((Map<?, ?>) out.get("credentials")).get("api-token")).reveal()).isEqualTo(CANARY + "-stg");
    }

    @Test
    void anotherUsersConnectionIsNotFound() {
        TestNodeContext bob = context("conn_jira1").as(new Principal("bob", "acme"), "production");
        assertThatThrownBy(() -> node.execute(bob))
                .isInstanceOfSatisfying(NodeException.class, e -> {
                    assertThat(e.code()).isEqualTo("connection_not_found");
                    assertThat(e.getMessage()).contains("conn_jira1").doesNotContain(CANARY);
                });
    }

    @Test
    void withoutAStartedPluginTheNodeSaysSo() {
        NodeServicesRegistry.uninstall();
        assertThatThrownBy(() -> new GetConnectionNode().execute(context("conn_jira1")))
                .isInstanceOfSatisfying(NodeException.class, e -> assertThat(e.code()).isEqualTo("connections_unavailable"));
    }

    @Test
    void theConnectionPropertyUsesThePickerAndChecksItsShape() {
        var property = node.spec().property("connection").orElseThrow();
        assertThat(property.picker()).isEqualTo("connections");
        assertThat(property.required()).isTrue();
        assertThat(property.check("conn_abc123")).isEmpty();
        assertThat(property.check("github/GitHub - Personal")).isEmpty();
        assertThat(property.check("not a reference")).isNotEmpty();
    }

    @Test
    void eachResolveIsRecordedInTheUsageTrail() {
        TestNodeContext context = context("conn_jira1");
        node.execute(context);
        assertThat(resolver.uses()).singleElement().satisfies(use -> {
            assertThat(use.executionId()).isEqualTo("exec-1");
            assertThat(use.nodeId()).isEqualTo("node-1");
            assertThat(use.targetHost()).isNull();
            assertThat(use.outcome()).isEqualTo("ok");
        });
    }

    private TestNodeContext context(String reference) {
        return new TestNodeContext(node.spec()).property("connection", reference);
    }
}
