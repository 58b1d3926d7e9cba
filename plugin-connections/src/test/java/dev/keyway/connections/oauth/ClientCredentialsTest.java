package dev.keyway.connections.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyway.connections.ConnectionType;
import dev.keyway.connections.store.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Machine-to-machine connections: a token at creation, a new one whenever it expires or is refused. */
class ClientCredentialsTest extends OAuthTestCase {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Browser.Hop create(String secret) throws Exception {
        String body = JSON.writeValueAsString(Map.of("clientId", TestAuthorizationServer.CLIENT_ID,
                "clientSecret", secret, "scopes", List.of("api"), "baseUrl", bench.server.url(),
                "displayName", "Deploy bot"));
        return bench.browser.json("POST", bench.engine().api.url("/api/connections/oauth/gitlab/client-credentials"),
                TestEngine.ALICE_TOKEN, body);
    }

    @Test
    void aClientCredentialsConnectionFetchesANewTokenWhenItExpiresOrIsRefused() throws Exception {
        TestAuthorizationServer server = bench.server;
        Browser.Hop created = create(server.clientSecret.value());

        assertThat(created.status()).isEqualTo(201);
        Connection connection = bench.connections().get(0);
        assertThat(created.body()).contains(connection.id(), "Deploy bot", "\"tokenRenewal\":\"ahead_of_expiry\"");
        assertThat(connection.type()).isEqualTo(ConnectionType.OAUTH);
        assertThat(connection.scopes()).containsExactly("api");
        assertThat(server.clientCredentialGrants.get()).isEqualTo(1);

        assertThat(call(connection.id())).containsEntry("status", 200);
        assertThat(server.clientCredentialGrants.get()).isEqualTo(1);

        bench.clock.advance(Duration.ofHours(2));
        assertThat(call(connection.id())).containsEntry("status", 200);
        assertThat(server.clientCredentialGrants.get()).isEqualTo(2);

        server.forgetAccessTokens();
        assertThat(call(connection.id())).containsEntry("status", 200);
        assertThat(server.clientCredentialGrants.get()).isEqualTo(3);
        assertThat(server.refreshAttempts.get()).isZero();

        Browser.Hop reconnect = bench.browser.step("POST",
                bench.engine().api.url("/api/connections/" + connection.id() + "/reconnect"), TestEngine.ALICE_TOKEN);
        assertThat(reconnect.status()).isEqualTo(400);
        assertThat(reconnect.body()).contains("client credentials grant");

        bench.assertNoCanaryLeaked();
    }

    @Test
    void aRefusedClientSavesNothingAndSaysWhatToCheck() throws Exception {
        Browser.Hop refused = create("not-the-secret");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("refused these client credentials (invalid_client)",
                "check the client id, the secret", "Nothing was saved");
        assertThat(bench.connections()).isEmpty();
    }

    @Test
    void withoutAnExpiryTheTokenIsRenewedOnA401OnlyAndTheConnectionSaysSo() throws Exception {
        TestAuthorizationServer server = bench.server;
        server.expiresInSeconds = 0;
        Browser.Hop created = create(server.clientSecret.value());
        assertThat(created.body()).contains("\"credentialsExpireAt\":null", "\"tokenRenewal\":\"on_401_only\"");
        String id = bench.connections().get(0).id();

        bench.clock.advance(Duration.ofDays(30));
        assertThat(call(id)).containsEntry("status", 200);
        assertThat(server.clientCredentialGrants.get()).isEqualTo(1);
        server.forgetAccessTokens();
        assertThat(call(id)).containsEntry("status", 200);
        assertThat(server.clientCredentialGrants.get()).isEqualTo(2);
    }

    private Map<String, Object> call(String id) {
        return bench.engine().call(id, "{baseUrl}/projects");
    }
}
