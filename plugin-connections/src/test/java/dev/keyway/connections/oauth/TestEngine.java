package dev.keyway.connections.oauth;

import dev.keyway.api.ApiRoute;
import dev.keyway.api.HostContext;
import dev.keyway.api.Principal;
import dev.keyway.connections.ConnectionsRuntime;
import dev.keyway.connections.api.ConnectionsApi;
import dev.keyway.connections.nodes.HttpRequestNode;
import dev.keyway.connections.testing.TestNodeContext;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One engine for the OAuth tests: the real runtime (encrypted store in a temp folder, or a shared
 * JDBC URL), the plugin's routes (OAuth and connections) served on loopback, and an HTTP Request
 * node to run.
 */
final class TestEngine implements AutoCloseable {

    static final Principal ALICE = TestNodeContext.ALICE;
    static final String ALICE_TOKEN = "api-token-alice";

    final ConnectionsRuntime runtime;
    final LoopbackApi api;
    final HttpRequestNode node;

    TestEngine(Path data, Clock clock, TestAuthorizationServer oauth, Map<String, String> extra) {
        Map<String, String> settings = new HashMap<>(extra);
        settings.put("connections.oauth.gitlab.client-id", TestAuthorizationServer.CLIENT_ID);
        settings.put("connections.oauth.gitlab.client-secret", oauth.clientSecret.value());
        runtime = ConnectionsRuntime.open(host(data, settings, clock));
        List<ApiRoute> routes = new ArrayList<>(new OAuthRoutes(() -> runtime).routes());
        routes.addAll(new ConnectionsApi(() -> runtime).routes());
        api = new LoopbackApi(routes, Map.of(ALICE_TOKEN, ALICE));
        node = new HttpRequestNode(runtime::nodes);
    }

    /** Runs the HTTP Request node as Alice in production with {@code connection}, GET {@code url}. */
    Map<String, Object> call(String connection, String url) {
        return call(node, connection, url);
    }

    static Map<String, Object> call(HttpRequestNode node, String connection, String url) {
        return node.execute(new TestNodeContext(node.spec()).property("connection", connection)
                .property("url", url));
    }

    /** What a host hands the plugin: the data folder, these settings and the clock. */
    static HostContext host(Path data, Map<String, String> settings, Clock clock) {
        return new HostContext() {
            @Override
            public Path dataDirectory() {
                return data;
            }

            @Override
            public Optional<String> setting(String key) {
                return Optional.ofNullable(settings.get(key));
            }

            @Override
            public Clock clock() {
                return clock;
            }
        };
    }

    List<String> answers() {
        return api.answers;
    }

    @Override
    public void close() {
        api.close();
        runtime.close();
    }
}
