package dev.keyway.connections.nodes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyway.api.Option;
import dev.keyway.api.OptionsQuery;
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

class ConnectionPickerTest {

    private final SafeHttpClient http = new SafeHttpClient(HttpSettings.defaults());
    private final InMemoryResolver resolver = new InMemoryResolver()
            .add(TestNodeContext.ALICE, "production", connection("conn_s", "slack", "Slack - Ops"))
            .add(TestNodeContext.ALICE, "production", connection("conn_g", "github", "GitHub - Acme"))
            .add(TestNodeContext.ALICE, "staging", connection("conn_g2", "github", "GitHub - Staging"));
    private final ConnectionPicker picker = new ConnectionPicker(
            () -> new NodeServices(ProviderCatalogue.builtIn(), resolver, http));

    @AfterEach
    void close() {
        http.close();
    }

    @Test
    void listsTheCallersConnectionsInTheEnvironmentByName() {
        List<Option> options = picker.options(new OptionsQuery(HttpRequestNode.TYPE, "connection",
                TestNodeContext.ALICE, "production"));
        assertThat(options).extracting(Option::value).containsExactly("github/GitHub - Acme", "slack/Slack - Ops");
        assertThat(options.get(0).detail()).contains("GitHub", "conn_g");
        assertThat(options.toString()).doesNotContain("canary");
    }

    @Test
    void otherUsersSeeNothing() {
        assertThat(picker.options(new OptionsQuery(GetConnectionNode.TYPE, "connection", new Principal("bob", "acme"),
                "production"))).isEmpty();
        assertThat(picker.pickerId()).isEqualTo("connections");
    }

    private static ResolvedConnection connection(String id, String provider, String name) {
        return new ResolvedConnection(id, provider, name, "api_key", null, List.of(),
                Map.of("token", Secret.of("canary-" + id)));
    }
}
