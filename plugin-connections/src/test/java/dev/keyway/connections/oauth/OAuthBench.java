package dev.keyway.connections.oauth;

import dev.keyway.connections.store.Connection;
import dev.keyway.connections.store.ConnectionFilter;
import dev.keyway.connections.testing.CanaryForms;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What an OAuth test runs against: a movable clock, the loopback authorization server and API, one
 * engine over an encrypted store in {@code data}, a browser and a log capture for the canary sweep.
 */
final class OAuthBench implements AutoCloseable {

    final MutableClock clock = new MutableClock();
    final TestAuthorizationServer server = new TestAuthorizationServer(clock);
    final Browser browser = new Browser();
    private final CanarySweep sweep = new CanarySweep();
    private final Path data;
    private TestEngine engine;

    OAuthBench(Path data) {
        this.data = data;
    }

    TestEngine engine() {
        if (engine == null) {
            engine = new TestEngine(data, clock, server, Map.of());
        }
        return engine;
    }

    /** The engine's start URL for the loopback provider ({@code gitlab} at the server's URL) plus {@code extra}. */
    String start(String extra) {
        return engine().api.url("/api/connections/oauth/gitlab/start?baseUrl="
                + URLEncoder.encode(server.url(), StandardCharsets.UTF_8) + extra);
    }

    /** Connects Alice's loopback provider through the browser and returns the new connection. */
    Connection connect() {
        browser.go("GET", start(""), TestEngine.ALICE_TOKEN);
        return connections().get(0);
    }

    List<Connection> connections() {
        return engine().runtime.store().list(TestEngine.ALICE, new ConnectionFilter(null, null, null, null));
    }

    /**
     * Sweeps API answers, browser pages, the log and (after closing the engine) every file of its
     * data folder for every token, code, verifier and client secret of the run.
     */
    void assertNoCanaryLeaked() {
        List<CanaryForms> canaries = CanarySweep.all(server);
        CanarySweep.assertAbsent(canaries, "API answers", String.join("\n", engine().answers()));
        // The code rides in the callback URL by design (RFC 6749 4.1.2); the pages themselves must hold none.
        CanarySweep.assertAbsent(canaries, "browser pages",
                String.join("\n", browser.hops.stream().map(Browser.Hop::body).toList()));
        CanarySweep.assertAbsent(canaries, "the log", sweep.log());
        engine.close();
        engine = null;
        CanarySweep.assertAbsentFromFiles(canaries, data);
    }

    @Override
    public void close() {
        if (engine != null) {
            engine.close();
        }
        server.close();
        sweep.close();
    }
}
