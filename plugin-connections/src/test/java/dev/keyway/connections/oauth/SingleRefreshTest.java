package dev.keyway.connections.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyway.connections.store.ConnectionFilter;
import dev.keyway.connections.testing.HsqldbServers;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.hsqldb.server.Server;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two engines (two runtimes, each with its own store instance and HTTP client) share one HSQLDB
 * server database; 50 executions on each use a connection whose token has expired, all at once.
 * The token endpoint must see exactly one refresh, and every execution must succeed with it.
 */
class SingleRefreshTest {

    private static final int PER_ENGINE = 50;

    @TempDir
    Path dir;

    @Test
    void twoEnginesTimesFiftyExecutionsRefreshOnce() throws Exception {
        MutableClock clock = new MutableClock();
        Server database = HsqldbServers.start(dir.resolve("server"));
        String url = HsqldbServers.url(database);
        ExecutorService pool = Executors.newFixedThreadPool(2 * PER_ENGINE);
        try (TestAuthorizationServer server = new TestAuthorizationServer(clock);
             TestEngine a = new TestEngine(dir.resolve("a"), clock, server, Map.of("connections.jdbc.url", url));
             TestEngine b = new TestEngine(dir.resolve("b"), clock, server, Map.of("connections.jdbc.url", url,
                     "connections.master-key-file", dir.resolve("a/master.key").toString()))) {
            new Browser().go("GET", a.api.url("/api/connections/oauth/gitlab/start?baseUrl="
                    + URLEncoder.encode(server.url(), StandardCharsets.UTF_8)), TestEngine.ALICE_TOKEN);
            String id = a.runtime.store().list(TestEngine.ALICE, new ConnectionFilter(null, null, null, null))
                    .get(0).id();
            assertThat(b.call(id, "{baseUrl}/projects")).containsEntry("status", 200);
            clock.advance(Duration.ofHours(2));
            // A slow token endpoint widens the window in which the others pile up.
            server.refreshDelayMillis = 300;

            CountDownLatch go = new CountDownLatch(1);
            List<Future<Map<String, Object>>> runs = new ArrayList<>();
            for (int i = 0; i < PER_ENGINE; i++) {
                for (TestEngine engine : List.of(a, b)) {
                    runs.add(pool.submit(() -> {
                        go.await();
                        return engine.call(id, "{baseUrl}/projects");
                    }));
                }
            }
            go.countDown();
            for (Future<Map<String, Object>> run : runs) {
                assertThat(run.get(60, TimeUnit.SECONDS)).containsEntry("status", 200);
            }
            assertThat(server.refreshAttempts.get()).isEqualTo(1);
            assertThat(server.refreshes.get()).isEqualTo(1);
        } finally {
            pool.shutdownNow();
            HsqldbServers.stop(database);
        }
    }
}
