package dev.keyway.connections.nodes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyway.api.NodeException;
import dev.keyway.connections.http.HttpSettings;
import dev.keyway.connections.http.SafeHttpClient;
import dev.keyway.connections.providers.ProviderCatalogue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class NodeServicesRegistryTest {

    @AfterEach
    void clear() {
        NodeServicesRegistry.uninstall().ifPresent(s -> s.http().close());
    }

    @Test
    void installReplacesAndHandsBackThePreviousServicesForClosing() {
        NodeServices first = services();
        NodeServices second = services();
        assertThat(NodeServicesRegistry.install(first)).isEmpty();
        assertThat(NodeServicesRegistry.install(second)).containsSame(first);
        first.http().close();
        assertThat(NodeServicesRegistry.require()).isSameAs(second);
    }

    @Test
    void requireFailsClearlyWhenNothingIsInstalled() {
        NodeServicesRegistry.uninstall().ifPresent(s -> s.http().close());
        assertThatThrownBy(NodeServicesRegistry::require)
                .isInstanceOfSatisfying(NodeException.class, e -> assertThat(e.code()).isEqualTo("connections_unavailable"));
    }

    @Test
    void theStandInResolverPointsAtExternalCredentials() {
        assertThatThrownBy(() -> new UnavailableResolver().resolve("conn_x", dev.keyway.connections.testing.TestNodeContext.ALICE, "production"))
                .isInstanceOfSatisfying(NodeException.class, e -> {
                    assertThat(e.code()).isEqualTo("connection_store_unavailable");
                    assertThat(e.getMessage()).contains("conn_x", "'provider' and 'credentials'");
                });
    }

    private static NodeServices services() {
        return new NodeServices(ProviderCatalogue.builtIn(), new UnavailableResolver(),
                new SafeHttpClient(HttpSettings.defaults()));
    }
}
