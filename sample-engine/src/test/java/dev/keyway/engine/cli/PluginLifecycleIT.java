package dev.keyway.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyway.api.CliCommand;
import dev.keyway.api.Principal;
import dev.keyway.engine.leaks.ThreadCensus;
import dev.keyway.engine.leaks.UnloadCheck;
import dev.keyway.engine.plugins.ContextClassLoader;
import dev.keyway.engine.plugins.PluginHost;
import dev.keyway.engine.server.ApiServer;
import dev.keyway.engine.server.UserStore;
import dev.keyway.samples.ProviderEmulator;
import dev.keyway.samples.SampleRun;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.pf4j.PluginWrapper;

/**
 * The real connections plugin zip, loaded, used and unloaded twenty times in one JVM by the host's
 * own PF4J plugin manager, as a long-running host that reloads plugins would. Each cycle goes
 * through everything the plugin contributes: REST routes (create a connection), node types (the
 * sample pattern github-whoami calls a loopback GitHub with the stored token), the picker, the web
 * page and the CLI command. Afterwards no thread the plugin started may be alive, and every one of
 * the twenty plugin class loaders must be garbage-collected.
 */
class PluginLifecycleIT {

    private static final int CYCLES = 20;
    private static final String PLUGIN = "keyway-connections";
    private static final Path DISTRIBUTION = Path.of(System.getProperty("keyway.distribution", "target/keyway"));
    private static final Path PATTERNS = Path.of(System.getProperty("keyway.patterns", "../patterns"));

    @TempDir
    Path home;

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private String githubConnection;

    @Test
    @Timeout(value = 110, unit = TimeUnit.SECONDS)
    void loadUseAndUnloadTwentyTimesLeavesNoThreadAndNoClassLoaderBehind() throws Exception {
        Path plugins = Files.createDirectories(home.resolve("plugins"));
        Files.copy(DISTRIBUTION.resolve("plugins/keyway-connections.zip"), plugins.resolve("keyway-connections.zip"));
        String token = new UserStore(home.resolve("users.json"), Clock.systemUTC()).add("alice", "acme").token().reveal();
        String pattern = Files.readString(PATTERNS.resolve("github-whoami.json"));
        ProviderEmulator.Credentials credentials = SampleRun.demoCredentials();
        UnloadCheck unloads = new UnloadCheck();
        ThreadCensus before;
        long started = System.nanoTime();
        try (ProviderEmulator github = new ProviderEmulator(credentials)) {
            Fixture fixture = new Fixture(token, pattern, credentials, github);
            before = ThreadCensus.now();
            for (int cycle = 0; cycle < CYCLES; cycle++) {
                runOneCycle(cycle, fixture, unloads);
            }
            assertThat(github.seen()).as("a connection test and a pattern run, authenticated, in every cycle")
                    .hasSize(2 * CYCLES).allSatisfy(seen -> assertThat(seen.authenticated()).isTrue());
        }

        // The engine's deadline clock is process-wide and lives in the host: started by the first run, it stays.
        List<Thread> left = before.leftBehind(Set.of("keyway-deadlines"), 5_000);
        assertThat(left).as("threads started during the cycles and still alive: %s", ThreadCensus.describe(left)).isEmpty();
        List<Thread> tied = ThreadCensus.tiedTo(UnloadCheck::isPluginLoader);
        assertThat(tied).as("threads still tied to a plugin's class loader: %s", ThreadCensus.describe(tied)).isEmpty();
        assertThat(unloads.watched()).isEqualTo(CYCLES);
        long cycled = System.nanoTime();
        int survivors = unloads.survivorsAfterGc(20_000);
        System.out.printf("plugin lifecycle: %d load-use-unload cycles in %d ms; %d of %d class loaders collected in %d ms%n",
                CYCLES, (cycled - started) / 1_000_000, CYCLES - survivors, CYCLES, (System.nanoTime() - cycled) / 1_000_000);
        if (survivors > 0) {
            throw new AssertionError(survivors + " of " + CYCLES + " unloaded plugin class loaders are still reachable: "
                    + unloads.hint(Path.of("target/plugin-leak.hprof")));
        }
    }

    private record Fixture(String token, String pattern, ProviderEmulator.Credentials credentials, ProviderEmulator github) {
    }

    /** One load-use-unload; everything it creates is local, so nothing but the check keeps the plugin alive. */
    private void runOneCycle(int cycle, Fixture fixture, UnloadCheck unloads) throws Exception {
        Session session = Session.open(new KeywayHome(home, List.of(home.resolve("plugins"))), Map.of());
        PluginHost host = session.plugins();
        ApiServer server = null;
        try {
            PluginWrapper plugin = host.manager().getPlugin(PLUGIN);
            assertThat(plugin).as("cycle %d: plugin loaded", cycle).isNotNull();
            assertThat(plugin.getPluginState()).as("cycle %d: %s", cycle, plugin.getFailedException()).hasToString("STARTED");
            unloads.watch(plugin.getPluginClassLoader());
            server = ServeCommand.server(session, ApiServer.Config.defaults().withPort(0), home.resolve("patterns"));
            String base = "http://127.0.0.1:" + server.start().getPort();
            use(cycle, fixture, base, session);
        } finally {
            if (server != null) {
                server.close();
            }
            session.close();
        }
        assertThat(host.manager().getPlugins()).as("cycle %d: unloaded", cycle).isEmpty();
    }

    private void use(int cycle, Fixture fixture, String base, Session session) throws Exception {
        ProviderEmulator github = fixture.github();
        if (cycle == 0) {
            String created = call(fixture.token(), base, "POST", "/api/connections/api-key", """
                    {"provider": "github", "displayName": "GitHub", "apiKey": "%s", "baseUrl": "%s", "allowedHosts": ["%s"]}
                    """.formatted(fixture.credentials().githubToken(), github.baseUrl("github"), github.hostAndPort()), 201);
            assertThat(created).contains("\"status\":\"active\"");
            githubConnection = created.replaceAll(".*\"id\":\"(conn_[^\"]+)\".*", "$1");
        }
        // A write in every cycle, to a store that must reopen with everything the earlier cycles wrote.
        call(fixture.token(), base, "POST", "/api/connections/api-key",
                "{\"provider\": \"slack\", \"displayName\": \"Spare " + cycle + "\", \"apiKey\": \"xoxb-" + cycle + "\"}", 201);
        call(fixture.token(), base, "PUT", "/api/patterns/github-whoami", fixture.pattern(), cycle == 0 ? 201 : 200);
        assertThat(call(fixture.token(), base, "POST", "/api/patterns/github-whoami/run", "{}", 200))
                .contains("\"status\":\"succeeded\"", "\"login\":\"keyway-demo\"");
        assertThat(call(fixture.token(), base, "GET", "/api/node-types/connections.http-request/properties/connection/options",
                null, 200)).contains("GitHub");
        assertThat(call(fixture.token(), base, "POST", "/api/connections/" + githubConnection + "/test", null, 200))
                .contains("\"result\":\"passed\"");
        assertThat(call(fixture.token(), base, "GET", "/api/connections/oauth/gitlab/start", null, 400))
                .contains("connections.oauth.gitlab.client-id");
        assertThat(call(null, base, "GET", "/connections/app.js", null, 200)).isNotEmpty();
        assertThat(listWithTheCliCommand(session)).contains("\"GitHub\"", "\"Spare " + cycle + "\"");
    }

    /** {@code keyway connections list --json} through the plugin's own command, in this session. */
    private static String listWithTheCliCommand(Session session) {
        PluginHost.Contributed<CliCommand> command = session.plugins().extensions(CliCommand.class).stream()
                .filter(c -> c.extension().name().equals("connections")).findFirst().orElseThrow();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        DefaultCommandContext context = new DefaultCommandContext(List.of("list"), new PrintWriter(out, true),
                new PrintWriter(err, true), new ByteArrayInputStream(new byte[0]), true, new Principal("alice", "acme"),
                "development");
        int status = ContextClassLoader.call(command.classLoader(), () -> command.extension().run(context));
        assertThat(status).as(err.toString()).isZero();
        return out.toString();
    }

    private String call(String token, String base, String method, String path, String body, int expected) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("%s %s -> %s", method, path, response.body()).isEqualTo(expected);
        return response.body();
    }
}
