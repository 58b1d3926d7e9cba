package dev.keyway.connections.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyway.api.NodeException;
import dev.keyway.connections.store.Connection;
import dev.keyway.connections.store.ConnectionFilter;
import dev.keyway.connections.store.CrashRestart;
import dev.keyway.connections.store.JdbcConnectionStore;
import dev.keyway.connections.store.ResolvedConnection;
import dev.keyway.connections.store.StoreOptions;
import dev.keyway.connections.testing.ChildJvm;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An engine renewing OAuth tokens non-stop against the loopback authorization server, killed by
 * SIGKILL at a random point. After the restart every connection holds an access token and the
 * refresh token issued with it (never halves of two responses), none older than its last
 * acknowledged one, and every connection renews again, but for at most the one whose renewal the
 * kill cut between the provider's answer and the commit (its rotated refresh token is gone).
 */
class RefreshCrashTest {

    private static final int CONNECTIONS = 8;

    @TempDir
    Path data;

    @Test
    void killedRefresherLeavesWholeTokenPairsAndEveryConnectionRenewsAgain() throws Exception {
        try (TestAuthorizationServer server = new TestAuthorizationServer(Clock.systemUTC())) {
            connect(server);
            Map<String, String> acknowledged = new HashMap<>();
            AtomicInteger acks = new AtomicInteger();
            int killAt = 3 * CONNECTIONS + ThreadLocalRandom.current().nextInt(3 * CONNECTIONS);
            ChildJvm.start(CrashRefresher.class, Map.of(CrashRefresher.SECRET_VARIABLE, server.clientSecret.value()),
                    data.toString()).killWhen(line -> {
                        String[] parts = line.split(" ");
                        if (parts[0].equals("ACK")) {
                            acknowledged.put(parts[1], parts[2]);
                            acks.incrementAndGet();
                        }
                        return acks.get() < killAt;
                    }, 50, 120);
            System.out.printf("SIGKILL after %d acknowledged renewals (%d at the provider)%n", acks.get(),
                    server.refreshes.get());
            assertThat(server.refreshes.get()).isGreaterThanOrEqualTo(acks.get());

            try (JdbcConnectionStore store = CrashRestart.open(() -> JdbcConnectionStore.open(
                    StoreOptions.fromSettings(data, key -> Optional.empty(), Map.of())), "store after a killed refresh")) {
                List<Connection> all = store.list(TestEngine.ALICE, ConnectionFilter.all());
                assertThat(all).hasSize(CONNECTIONS);
                for (Connection connection : all) {
                    assertWholePair(server, store, connection.id(), acknowledged.get(connection.id()));
                }
            }
            assertEveryConnectionRenewsAgain(server);
        }
    }

    private void connect(TestAuthorizationServer server) {
        try (TestEngine engine = new TestEngine(data, Clock.systemUTC(), server, Map.of())) {
            Browser browser = new Browser();
            for (int i = 0; i < CONNECTIONS; i++) {
                browser.go("GET", engine.api.url("/api/connections/oauth/gitlab/start?displayName=c" + i + "&baseUrl="
                        + URLEncoder.encode(server.url(), StandardCharsets.UTF_8)), TestEngine.ALICE_TOKEN);
            }
        }
    }

    /** The stored tokens were issued together, and no earlier than the acknowledged ones. */
    private static void assertWholePair(TestAuthorizationServer server, JdbcConnectionStore store, String id,
                                        String acknowledgedDigest) {
        try (ResolvedConnection resolved = store.resolve(id, TestEngine.ALICE, "production")) {
            String access = resolved.credentials().field(OAuthFields.TOKEN).orElseThrow().reveal();
            String refresh = resolved.credentials().field(OAuthFields.REFRESH_TOKEN).orElseThrow().reveal();
            List<TestAuthorizationServer.Pair> pairs = server.pairs;
            int stored = pairs.stream().map(TestAuthorizationServer.Pair::access).toList().indexOf(access);
            assertThat(stored).as("%s holds an access token the provider issued", id).isNotNegative();
            assertThat(pairs.get(stored).refresh()).as("%s holds the refresh token issued with it", id)
                    .isEqualTo(refresh);
            if (acknowledgedDigest != null) {
                int acked = pairs.stream().map(p -> CrashRefresher.digest(p.access())).toList()
                        .indexOf(acknowledgedDigest);
                assertThat(acked).as("%s was acknowledged with a token the provider issued", id).isNotNegative();
                assertThat(stored).as("%s lost an acknowledged renewal", id).isGreaterThanOrEqualTo(acked);
            }
        }
    }

    /**
     * A new engine renews every connection. Its clock runs 31 s ahead: a lease the dead engine held
     * runs out after 30 s by design, and the test need not sit through it.
     */
    private void assertEveryConnectionRenewsAgain(TestAuthorizationServer server) {
        Clock later = Clock.offset(Clock.systemUTC(), Duration.ofSeconds(31));
        int refreshesBefore = server.refreshes.get();
        int lost = 0;
        try (TestEngine engine = new TestEngine(data, later, server, Map.ofEntries(CrashRefresher.REFRESH_EVERY_USE))) {
            for (Connection connection : engine.runtime.store().list(TestEngine.ALICE, ConnectionFilter.all())) {
                try {
                    assertThat(engine.call(connection.id(), "{baseUrl}/projects")).containsEntry("status", 200);
                } catch (NodeException e) {
                    assertThat(e.code()).as(e.getMessage()).isEqualTo(TokenRefresher.NEEDS_REAUTH);
                    lost++;
                }
            }
        }
        System.out.printf("after the restart: %d of %d connections renewed, %d needs reauthorization%n",
                CONNECTIONS - lost, CONNECTIONS, lost);
        assertThat(lost).as("connections whose renewal the kill cut").isLessThanOrEqualTo(1);
        assertThat(server.refreshes.get() - refreshesBefore).isEqualTo(CONNECTIONS - lost);
    }
}
