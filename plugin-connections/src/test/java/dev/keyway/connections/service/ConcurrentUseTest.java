package dev.keyway.connections.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyway.api.NodeException;
import dev.keyway.api.Principal;
import dev.keyway.api.Secret;
import dev.keyway.connections.ConnectionType;
import dev.keyway.connections.http.ConnectionTester;
import dev.keyway.connections.http.CredentialInjector;
import dev.keyway.connections.http.HttpSettings;
import dev.keyway.connections.http.SafeHttpClient;
import dev.keyway.connections.nodes.GetConnectionNode;
import dev.keyway.connections.nodes.HttpRequestNode;
import dev.keyway.connections.nodes.NodeServices;
import dev.keyway.connections.providers.ProviderCatalogue;
import dev.keyway.connections.store.Connection;
import dev.keyway.connections.store.ConnectionNotFoundException;
import dev.keyway.connections.store.ConnectionUpdate;
import dev.keyway.connections.store.JdbcConnectionStore;
import dev.keyway.connections.store.ResolvedConnection;
import dev.keyway.connections.store.RotationProgress;
import dev.keyway.connections.store.TestStores;
import dev.keyway.connections.testing.Concurrently;
import dev.keyway.connections.testing.LoopbackServer;
import dev.keyway.connections.testing.TestNodeContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 64 executions of Get Connection and HTTP Request race updates, deletes, re-creations and data
 * key rotations of the same few connections on a real HSQLDB store. Every credential is a pair
 * whose fields carry the same version (email {@code v17@x.test}, token {@code tok-v17}), so a
 * half-written update shows up as a torn pair.
 */
class ConcurrentUseTest {

    private static final Principal ALICE = TestNodeContext.ALICE;
    private static final String ENVIRONMENT = "production";
    private static final int EXECUTION_THREADS = 64;
    private static final int EXECUTIONS_EACH = 25;
    private static final int SLOTS = 3;
    private static final int REPLACEMENTS_EACH = 25;
    private static final int RECREATIONS = 5;
    private static final int PARTIAL_UPDATES_EACH = 25;
    private static final int ROTATIONS = 2;
    private static final Duration BOUND = Duration.ofSeconds(45);
    private static final Pattern EMAIL = Pattern.compile("v(\\d+)@x\\.test");
    private static final Pattern TOKEN = Pattern.compile("tok-v(\\d+)");

    @TempDir
    Path dir;

    private final Queue<String> tornAtUpstream = new ConcurrentLinkedQueue<>();
    private final AtomicInteger callsAtUpstream = new AtomicInteger();
    private final AtomicInteger versions = new AtomicInteger();
    private final List<Slot> slots = new ArrayList<>();
    private JdbcConnectionStore store;
    private UsageRecorder usage;
    private SafeHttpClient http;
    private LoopbackServer upstream;
    private ConnectionService service;
    private GetConnectionNode getConnection;
    private HttpRequestNode httpRequest;

    /** One credential acknowledged as written: by whom (id), in which order (row version), with what. */
    private record Ack(String id, long rowVersion, int version) {
    }

    /** A connection the executions use by name, deleted and re-created under a new id now and then. */
    private static final class Slot {

        final String displayName;
        final AtomicReference<String> id = new AtomicReference<>();
        final Queue<Ack> acks = new ConcurrentLinkedQueue<>();

        Slot(String displayName) {
            this.displayName = displayName;
        }

        String reference() {
            return "jira/" + displayName;
        }

        void acknowledge(Connection written, int version) {
            acks.add(new Ack(written.id(), written.rowVersion(), version));
        }
    }

    @BeforeEach
    void open() {
        store = JdbcConnectionStore.open(TestStores.options(dir, TestStores.newKey()));
        usage = new UsageRecorder(store);
        http = new SafeHttpClient(HttpSettings.defaults());
        upstream = new LoopbackServer().on("/rest/", exchange -> {
            callsAtUpstream.incrementAndGet();
            String basic = exchange.getRequestHeaders().getFirst("Authorization").substring("Basic ".length());
            String[] pair = new String(Base64.getDecoder().decode(basic), StandardCharsets.UTF_8).split(":", 2);
            int email = version(EMAIL, pair[0]);
            int token = version(TOKEN, pair[1]);
            if (email != token) {
                tornAtUpstream.add(pair[0] + " with token version " + token);
            }
            LoopbackServer.respond(exchange, 200, "application/json",
                    "{\"emailVersion\":" + email + ",\"tokenVersion\":" + token + "}");
        });
        ProviderCatalogue catalogue = ProviderCatalogue.builtIn();
        CredentialInjector injector = new CredentialInjector();
        service = new ConnectionService(store, catalogue, new ConnectionTester(http, injector), Clock.systemUTC(),
                usage::flush);
        NodeServices services = new NodeServices(catalogue,
                new StoreConnectionResolver(store, Clock.systemUTC(), usage::record), http, injector);
        getConnection = new GetConnectionNode(() -> services);
        httpRequest = new HttpRequestNode(() -> services);
        for (int i = 1; i <= SLOTS; i++) {
            Slot slot = new Slot("Slot " + i);
            create(slot);
            slots.add(slot);
        }
    }

    @AfterEach
    void close() {
        usage.close();
        http.close();
        upstream.close();
        store.close();
    }

    @Test
    void executionsRacingUpdatesDeletesAndKeyRotationsSeeWholeCredentialsAndNoUpdateIsLost() {
        PartialWriters partial = new PartialWriters(
                service.create(ALICE, ENVIRONMENT, request("Partial", "a0@x.test", "b0")).connection().id());
        List<Callable<Object>> tasks = new ArrayList<>();
        for (int thread = 0; thread < EXECUTION_THREADS; thread++) {
            int seed = thread;
            tasks.add(() -> executions(new Random(seed)));
        }
        for (Slot slot : slots) {
            tasks.add(() -> replacements(slot));
            tasks.add(() -> replacements(slot));
            tasks.add(() -> recreations(slot));
        }
        tasks.add(() -> partial.write("user-email", i -> "a" + i + "@x.test"));
        tasks.add(() -> partial.write("api-token", i -> "b" + i));
        tasks.add(this::rotations);

        Concurrently.run(tasks.size(), BOUND, tasks);

        for (Slot slot : slots) {
            Ack last = slot.acks.stream().filter(ack -> ack.id().equals(slot.id.get()))
                    .max(Comparator.comparingLong(Ack::rowVersion)).orElseThrow();
            assertThat(stored(slot.id.get())).as("stored credential of %s", slot.reference())
                    .isEqualTo(Map.of("user-email", "v" + last.version() + "@x.test",
                            "api-token", "tok-v" + last.version()));
        }
        assertThat(partial.lost).as("rounds whose stored fields were not the two just acknowledged").isEmpty();
        assertThat(tornAtUpstream).as("credential pairs the upstream received torn").isEmpty();
        assertThat(callsAtUpstream.get()).isPositive();
    }

    /** One execution thread's share: each sees a whole credential pair, or a clean not-found after a delete. */
    private String executions(Random random) {
        int notFound = 0;
        for (int i = 0; i < EXECUTIONS_EACH; i++) {
            Slot slot = slots.get(random.nextInt(SLOTS));
            try {
                if (random.nextBoolean()) {
                    viaGetConnection(slot);
                } else {
                    viaHttpRequest(slot);
                }
            } catch (NodeException e) {
                assertCleanNotFound(e, slot);
                notFound++;
            }
        }
        return notFound + " not found";
    }

    private void viaGetConnection(Slot slot) {
        Map<String, Object> out = getConnection.execute(new TestNodeContext(getConnection.spec())
                .property("connection", slot.reference()));
        Map<?, ?> credentials = (Map<?, ?>) out.get("credentials");
        String email = ((Secret) credentials.get("user-email")).reveal();
        String token = ((Secret) credentials.get("api-token")).reveal();
        assertThat(version(TOKEN, token)).as("token seen with %s", email).isEqualTo(version(EMAIL, email));
    }

    private void viaHttpRequest(Slot slot) {
        Map<String, Object> out = httpRequest.execute(new TestNodeContext(httpRequest.spec())
                .property("connection", slot.reference())
                .property("url", "{baseUrl}/rest/api/3/myself"));
        Map<?, ?> body = (Map<?, ?>) out.get("body");
        assertThat(body.get("tokenVersion")).as("versions the upstream received").isEqualTo(body.get("emailVersion"));
    }

    private static void assertCleanNotFound(NodeException e, Slot slot) {
        assertThat(e.code()).as(e.getMessage()).isEqualTo("connection_not_found");
        assertThat(e.getMessage()).contains(slot.reference(), "was deleted", "create it");
    }

    /** Replaces both fields together, as a key rotation at the provider does. */
    private String replacements(Slot slot) {
        int lost = 0;
        for (int i = 0; i < REPLACEMENTS_EACH; i++) {
            int version = versions.incrementAndGet();
            try {
                slot.acknowledge(service.update(slot.id.get(), ALICE, ConnectionUpdate.none(), Map.of(
                        "user-email", Secret.of("v" + version + "@x.test"), "api-token", Secret.of("tok-v" + version))),
                        version);
            } catch (ConnectionNotFoundException deletedMeanwhile) {
                lost++;
            }
        }
        return lost + " replacements hit a deleted connection";
    }

    /** Deletes the slot's connection and creates it again; only this thread creates the slot. */
    private String recreations(Slot slot) throws InterruptedException {
        for (int i = 0; i < RECREATIONS; i++) {
            Thread.sleep(30);
            assertThat(store.delete(slot.id.get(), ALICE)).isTrue();
            // Until this thread re-creates it, every execution must get the clean not-found: prove one does.
            NodeException error = null;
            try {
                viaGetConnection(slot);
            } catch (NodeException e) {
                error = e;
            }
            assertThat(error).as("an execution right after the delete").isNotNull();
            assertCleanNotFound(error, slot);
            Thread.sleep(10);
            create(slot);
        }
        return "re-created";
    }

    /**
     * Two writers change one field each of the same connection, in lockstep rounds: both updates of a
     * round race, and once both are acknowledged the row must hold both. A merge of new fields into
     * ones read before the other writer committed would undo that writer's change.
     */
    private final class PartialWriters {

        final String id;
        final Queue<String> lost = new ConcurrentLinkedQueue<>();
        private final AtomicInteger round = new AtomicInteger();
        private final CyclicBarrier roundEnd = new CyclicBarrier(2, this::checkRound);

        PartialWriters(String id) {
            this.id = id;
        }

        String write(String field, IntFunction<String> value) throws Exception {
            for (int i = 1; i <= PARTIAL_UPDATES_EACH; i++) {
                service.update(id, ALICE, ConnectionUpdate.none(), Map.of(field, Secret.of(value.apply(i))));
                roundEnd.await(BOUND.toSeconds(), TimeUnit.SECONDS);
            }
            return "updated " + field;
        }

        private void checkRound() {
            int i = round.incrementAndGet();
            Map<String, String> expected = Map.of("user-email", "a" + i + "@x.test", "api-token", "b" + i);
            Map<String, String> actual = stored(id);
            if (!actual.equals(expected)) {
                lost.add("round " + i + ": " + actual);
            }
        }
    }

    private String rotations() throws InterruptedException {
        for (int i = 0; i < ROTATIONS; i++) {
            Thread.sleep(100);
            store.keys().rotateDataKey(RotationProgress.none());
        }
        return "rotated";
    }

    private void create(Slot slot) {
        int version = versions.incrementAndGet();
        Connection created = service.create(ALICE, ENVIRONMENT,
                request(slot.displayName, "v" + version + "@x.test", "tok-v" + version)).connection();
        slot.acknowledge(created, version);
        slot.id.set(created.id());
    }

    private NewConnectionRequest request(String displayName, String email, String token) {
        return new NewConnectionRequest("jira", ConnectionType.CREDENTIALS, displayName, ENVIRONMENT,
                Map.of("user-email", Secret.of(email), "api-token", Secret.of(token),
                        "base-url", Secret.of(upstream.url(""))), Set.of(), null, List.of());
    }

    private Map<String, String> stored(String id) {
        try (ResolvedConnection resolved = store.resolve(id, ALICE, ENVIRONMENT)) {
            return Map.of("user-email", resolved.credentials().fields().get("user-email").reveal(),
                    "api-token", resolved.credentials().fields().get("api-token").reveal());
        }
    }

    private static int version(Pattern pattern, String value) {
        Matcher matcher = pattern.matcher(value);
        assertThat(matcher.matches()).as("%s looks like %s", value, pattern).isTrue();
        return Integer.parseInt(matcher.group(1));
    }
}
