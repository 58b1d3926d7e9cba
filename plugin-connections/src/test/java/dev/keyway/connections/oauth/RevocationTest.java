package dev.keyway.connections.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyway.connections.store.Connection;
import org.junit.jupiter.api.Test;

/** Deleting an OAuth connection revokes its tokens first (RFC 7009); a provider that is down blocks nothing. */
class RevocationTest extends OAuthTestCase {

    private Browser.Hop delete(Connection connection) {
        return bench.browser.step("DELETE", bench.engine().api.url("/api/connections/" + connection.id()),
                TestEngine.ALICE_TOKEN);
    }

    @Test
    void deletingRevokesTheRefreshAndAccessTokensAtTheProvider() {
        Connection connection = bench.connect();

        Browser.Hop deleted = delete(connection);

        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.body()).contains("\"deleted\":\"" + connection.id() + "\"", "\"state\":\"revoked\"");
        assertThat(bench.server.revocationHints).containsExactly("refresh_token", "access_token");
        assertThat(bench.connections()).isEmpty();
        bench.assertNoCanaryLeaked();
    }

    private static com.fasterxml.jackson.databind.JsonNode readJson(String text) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(text);
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    @Test
    void deletingWithTheCliRevokesTheTokensToo() {
        Connection connection = bench.connect();

        var deleted = new dev.keyway.connections.cli.CliDriver(bench.engine().runtime).json(true)
                .connections("delete", connection.id(), "--yes");

        assertThat(deleted.exit()).as(deleted.err()).isZero();
        com.fasterxml.jackson.databind.JsonNode answer = readJson(deleted.out());
        assertThat(answer.path("id").asText()).isEqualTo(connection.id());
        assertThat(answer.path("deleted").asBoolean()).isTrue();
        assertThat(answer.at("/revocation/state").asText()).isEqualTo("revoked");
        assertThat(bench.server.revocationHints).containsExactly("refresh_token", "access_token");
        assertThat(bench.connections()).isEmpty();
        CanarySweep.assertAbsent(CanarySweep.all(bench.server), "CLI output", deleted.out() + deleted.err());
        bench.assertNoCanaryLeaked();

        Connection down = bench.connect();
        bench.server.revocationDown = true;
        var text = new dev.keyway.connections.cli.CliDriver(bench.engine().runtime)
                .connections("delete", down.id(), "--yes");
        assertThat(text.exit()).as(text.err()).isZero();
        assertThat(text.out()).contains("Deleted " + down.id(), "Token revocation: failed", "deleted anyway");
        assertThat(bench.connections()).isEmpty();
        CanarySweep.assertAbsent(CanarySweep.all(bench.server), "CLI output", text.out() + text.err());
        bench.assertNoCanaryLeaked();
    }

    @Test
    void aProviderThatIsDownDoesNotBlockTheDeleteAndTheFailureIsReported() {
        Connection connection = bench.connect();
        bench.server.revocationDown = true;

        Browser.Hop deleted = delete(connection);

        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.body()).contains("\"state\":\"failed\"", "HTTP 503", "deleted anyway",
                "account settings");
        assertThat(bench.connections()).isEmpty();
        assertThat(bench.server.revocationHints).isEmpty();
    }

    @Test
    void aProviderWithoutARevocationEndpointIsReportedAsSuch() {
        TestEngine engine = new TestEngine(data.resolve("github"), bench.clock, bench.server, java.util.Map.of(
                "connections.oauth.github.client-id", TestAuthorizationServer.CLIENT_ID,
                "connections.oauth.github.client-secret", bench.server.clientSecret.value(),
                "connections.oauth.github.authorize-url", bench.server.url() + "/oauth/authorize",
                "connections.oauth.github.token-url", bench.server.url() + "/oauth/token"));
        try (engine) {
            Browser browser = new Browser();
            // A loopback base URL keeps the account lookup off the real api.github.com (its host is not allowed).
            browser.go("GET", engine.api.url("/api/connections/oauth/github/start?baseUrl=" + bench.server.url()),
                    TestEngine.ALICE_TOKEN);
            Connection connection = engine.runtime.store().list(TestEngine.ALICE,
                    new dev.keyway.connections.store.ConnectionFilter(null, null, null, null)).get(0);

            Browser.Hop deleted = browser.step("DELETE", engine.api.url("/api/connections/" + connection.id()),
                    TestEngine.ALICE_TOKEN);

            assertThat(deleted.status()).isEqualTo(200);
            assertThat(deleted.body()).contains("\"state\":\"not_supported\"", "no token revocation endpoint");
            assertThat(bench.server.revocationHints).isEmpty();
        }
    }
}
