package dev.keyway.connections.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyway.connections.ConnectionType;
import dev.keyway.connections.store.Connection;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The authorization code flow over real HTTP: engine routes, a browser and an authorization server on loopback. */
class AuthorizationFlowTest extends OAuthTestCase {

    private MutableClock clock;
    private TestAuthorizationServer server;
    private Browser browser;

    @BeforeEach
    void shortcuts() {
        clock = bench.clock;
        server = bench.server;
        browser = bench.browser;
    }

    private TestEngine engine() {
        return bench.engine();
    }

    private String start(String extra) {
        return bench.start(extra);
    }

    private List<Connection> connections() {
        return bench.connections();
    }

    @Test
    void aGrantedAuthorizationBecomesAnActiveOauthConnectionThatCallsTheApi() {
        Browser.Hop last = browser.go("GET", start("&scopes=api%20read_user&displayName=Ops+GitLab"),
                TestEngine.ALICE_TOKEN);

        assertThat(last.status()).isEqualTo(200);
        assertThat(last.body()).contains("Connected", "Ops GitLab");
        Browser.Hop authorize = browser.hops.get(1);
        assertThat(authorize.url().getRawQuery()).contains("code_challenge_method=S256", "code_challenge=",
                "state=", "client_id=" + TestAuthorizationServer.CLIENT_ID);
        List<Connection> all = connections();
        assertThat(all).hasSize(1);
        Connection connection = all.get(0);
        assertThat(connection.type()).isEqualTo(ConnectionType.OAUTH);
        assertThat(connection.status().isActive()).isTrue();
        assertThat(connection.scopes()).containsExactly("api", "read_user");
        assertThat(connection.tags()).containsExactly("account:" + TestAuthorizationServer.ACCOUNT);
        assertThat(connection.credentialsExpireAt()).isEqualTo(clock.instant().plusSeconds(3600)
                .truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        assertThat(last.body()).contains(connection.id());

        Map<String, Object> out = engine().call(connection.id(), "{baseUrl}/projects");
        assertThat(out).containsEntry("status", 200);
        assertThat(server.codeExchanges.get()).isEqualTo(1);

        bench.assertNoCanaryLeaked();
    }

    @Test
    void reconnectReplacesTheTokensUnderTheSameId() {
        browser.go("GET", start(""), TestEngine.ALICE_TOKEN);
        Connection before = connections().get(0);

        Browser.Hop last = browser.go("POST", engine().api.url("/api/connections/" + before.id() + "/reconnect"),
                TestEngine.ALICE_TOKEN);

        assertThat(last.status()).isEqualTo(200);
        assertThat(last.body()).contains("Reconnected", before.id());
        assertThat(connections()).singleElement().satisfies(after -> {
            assertThat(after.id()).isEqualTo(before.id());
            assertThat(after.rowVersion()).isGreaterThan(before.rowVersion());
            assertThat(after.displayName()).isEqualTo(before.displayName());
        });
        assertThat(server.codeExchanges.get()).isEqualTo(2);
        assertThat(browser.step("POST", engine().api.url("/api/connections/conn_nope/reconnect"),
                TestEngine.ALICE_TOKEN).status()).isEqualTo(404);
    }

    @Test
    void returnToMustStayOnThisServerAndGetsTheOutcome() {
        Browser.Hop refused = browser.go("GET", start("&returnTo=" + URLEncoder.encode("https://evil.example/x",
                StandardCharsets.UTF_8)), TestEngine.ALICE_TOKEN);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("returnTo must be a path on this server");
        Browser.Hop protocolRelative = browser.go("GET", start("&returnTo=//evil.example/x"), TestEngine.ALICE_TOKEN);
        assertThat(protocolRelative.status()).isEqualTo(400);

        browser.go("GET", start("&returnTo=/connections%3Fview%3Doauth"), TestEngine.ALICE_TOKEN);

        Browser.Hop callback = browser.hops.stream().filter(h -> h.url().getPath().endsWith("/oauth/callback"))
                .findFirst().orElseThrow();
        assertThat(callback.status()).isEqualTo(302);
        assertThat(callback.location()).isEqualTo("/connections?view=oauth&connection=" + connections().get(0).id()
                + "&status=connected");
    }

    @Test
    void aDeniedAuthorizationSavesNothingAndSaysSo() {
        server.denyNext = true;

        Browser.Hop last = browser.go("GET", start(""), TestEngine.ALICE_TOKEN);

        assertThat(last.status()).isEqualTo(400);
        assertThat(last.body()).contains("Access was not granted", "Nothing was saved", "access_denied")
                .doesNotContain("The user said no");
        assertThat(connections()).isEmpty();
        assertThat(server.codeExchanges.get()).isZero();
    }

    @Test
    void aReplayedStateOrCodeIsRefusedAndSavesNothingMore() {
        browser.go("GET", start(""), TestEngine.ALICE_TOKEN);
        Browser.Hop callback = browser.hops.stream().filter(h -> h.url().getPath().endsWith("/oauth/callback"))
                .findFirst().orElseThrow();
        assertThat(connections()).hasSize(1);

        Browser.Hop replayed = browser.go("GET", callback.url().toString(), null);
        assertThat(replayed.status()).isEqualTo(400);
        assertThat(replayed.body()).contains("unknown, expired", "already completed", "invalid_state");

        // The spent code under a fresh, valid state: the provider refuses it and nothing is saved.
        String freshCallback = browser.step("GET", browser.step("GET", start(""), TestEngine.ALICE_TOKEN).location(),
                null).location();
        String oldCode = callback.url().getRawQuery().replaceAll(".*code=([^&]*).*", "$1");
        Browser.Hop mixed = browser.go("GET", engine().api.url("/api/connections/oauth/callback?state="
                + stateOf(freshCallback) + "&code=" + oldCode), null);
        assertThat(mixed.status()).isEqualTo(400);
        assertThat(mixed.body()).contains("invalid_grant", "Nothing was saved");
        assertThat(connections()).hasSize(1);
        assertThat(browser.step("GET", start(""), null).status()).as("start needs the API token").isEqualTo(401);
    }

    @Test
    void anExpiredStateIsRefused() {
        String callback = browser.step("GET", browser.step("GET", start(""), TestEngine.ALICE_TOKEN).location(),
                null).location();
        clock.advance(Duration.ofMinutes(11));

        Browser.Hop late = browser.go("GET", callback, null);

        assertThat(late.status()).isEqualTo(400);
        assertThat(late.body()).contains("invalid_state");
        assertThat(connections()).isEmpty();
        assertThat(server.codeExchanges.get()).isZero();
    }

    @Test
    void aCodeTheProviderRefusesSavesNothing() {
        String authorize = browser.step("GET", start(""), TestEngine.ALICE_TOKEN).location();

        Browser.Hop answer = browser.go("GET", engine().api.url("/api/connections/oauth/callback?state="
                + stateOf(authorize) + "&code=made-up"), null);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).contains("invalid_grant", "Nothing was saved");
        assertThat(connections()).isEmpty();
    }

    private static String stateOf(String url) {
        return url.replaceAll(".*[?&]state=([^&]*).*", "$1");
    }
}
