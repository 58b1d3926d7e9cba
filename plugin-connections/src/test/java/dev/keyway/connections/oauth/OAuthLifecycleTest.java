package dev.keyway.connections.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyway.api.NodeException;
import dev.keyway.connections.store.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The whole life of an OAuth connection over real HTTP: connect, use, refresh ahead of expiry,
 * refresh after a 401, a revoked grant (needs_reauth, without looping), reconnect under the same id;
 * and no token, code, verifier or client secret anywhere it should not be.
 */
class OAuthLifecycleTest extends OAuthTestCase {

    @Test
    void connectUseRefreshLoseTheGrantAndReconnect() {
        MutableClock clock = bench.clock;
        TestAuthorizationServer server = bench.server;
        String id = bench.connect().id();
        assertThat(call(id)).containsEntry("status", 200);
        assertThat(server.refreshAttempts.get()).isZero();

        // Within the 60 s margin of expiry: the next use refreshes first, once.
        clock.advance(Duration.ofSeconds(3600 - 30));
        assertThat(call(id)).containsEntry("status", 200);
        assertThat(call(id)).containsEntry("status", 200);
        assertThat(server.refreshes.get()).isEqualTo(1);
        assertThat(connection().credentialsExpireAt()).isAfter(clock.instant().plusSeconds(3000));

        // The provider stops accepting the access token early: one 401, one refresh, one retry.
        server.forgetAccessTokens();
        int before = server.apiCalls.get();
        assertThat(call(id)).containsEntry("status", 200);
        assertThat(server.refreshes.get()).isEqualTo(2);
        assertThat(server.apiCalls.get() - before).isEqualTo(2);

        // The person revokes the app at the provider; the token then expires.
        server.revokeEverything();
        clock.advance(Duration.ofSeconds(3600));
        assertThatThrownBy(() -> call(id)).isInstanceOfSatisfying(NodeException.class, e -> {
            assertThat(e.code()).isEqualTo("needs_reauth");
            assertThat(e.getMessage()).contains(id, "authorized again", "/api/connections/" + id + "/reconnect");
        });
        Connection lost = connection();
        assertThat(lost.status().isActive()).isFalse();
        assertThat(lost.status().reason()).isEqualTo("needs_reauth");
        int attempts = server.refreshAttempts.get();
        assertThatThrownBy(() -> call(id)).isInstanceOfSatisfying(NodeException.class,
                e -> assertThat(e.code()).isEqualTo("needs_reauth"));
        assertThat(server.refreshAttempts.get()).as("nothing loops: no new attempt").isEqualTo(attempts);

        Browser.Hop reconnected = bench.browser.go("POST",
                bench.engine().api.url("/api/connections/" + id + "/reconnect"), TestEngine.ALICE_TOKEN);
        assertThat(reconnected.body()).contains("Reconnected", id);
        assertThat(connection().status().isActive()).isTrue();
        assertThat(call(id)).containsEntry("status", 200).containsEntry("body", Map.of("projects", List.of("keyway")));

        bench.assertNoCanaryLeaked();
    }

    private Map<String, Object> call(String id) {
        return bench.engine().call(id, "{baseUrl}/projects");
    }

    private Connection connection() {
        return bench.connections().get(0);
    }
}
