package dev.keyway.engine.cli;

import dev.keyway.api.ApiRoute;
import dev.keyway.api.ApiRoutes;
import dev.keyway.api.WebAssets;
import dev.keyway.api.support.UsageException;
import dev.keyway.engine.logging.LogSink;
import dev.keyway.engine.plugins.ContextClassLoader;
import dev.keyway.engine.plugins.Pickers;
import dev.keyway.engine.plugins.PluginHost;
import dev.keyway.engine.server.ApiServer;
import dev.keyway.engine.server.HostRoutes;
import dev.keyway.engine.server.PatternRepository;
import dev.keyway.engine.server.Route;
import dev.keyway.engine.server.UserStore;
import dev.keyway.engine.server.WebPages;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.event.Level;

/** {@code keyway serve}: the HTTP API, the plugins' routes and the patterns' HTTP triggers. */
final class ServeCommand implements HostCommand {

    @Override
    public String name() {
        return "serve";
    }

    @Override
    public String summary() {
        return "serve the HTTP API (loopback by default) until stopped";
    }

    @Override
    public String usage() {
        return """
                Usage: keyway serve [--port N] [--bind ADDR] [--patterns DIR]

                Serves the API under /api (every call needs 'Authorization: Bearer <token>' from
                'keyway users add'), each stored pattern's HTTP trigger under /hooks/<path>, and the
                plugins' pages. --port 0 picks a free port; the address is printed once listening.
                Patterns are kept in DIR (default KEYWAY_HOME/patterns). Stop with Ctrl-C or SIGTERM:
                running requests finish first.""";
    }

    @Override
    public Set<String> valuedOptions() {
        return Set.of("port", "bind", "patterns");
    }

    @Override
    public int run(Invocation invocation) {
        if (!invocation.args().positionals().isEmpty()) {
            throw new UsageException("serve takes no arguments");
        }
        if (LogSink.level().toInt() > Level.INFO.toInt() && System.getenv("KEYWAY_LOG_LEVEL") == null) {
            LogSink.setLevel(Level.INFO);
        }
        int port = port(invocation.args().option("port").orElse("8080"));
        String bind = invocation.args().option("bind").orElse("127.0.0.1");
        Session session = invocation.session();
        Path patternFolder = invocation.args().option("patterns").map(Path::of)
                .orElse(session.home().root().resolve("patterns"));
        WebPages pages = webPages(session);
        ApiServer server = server(session, ApiServer.Config.defaults().withBind(bind).withPort(port), patternFolder, pages);
        InetSocketAddress address;
        try {
            address = server.start();
        } catch (IOException e) {
            throw new dev.keyway.api.KeywayException("cannot listen on %s:%d: %s; pick another --port or --bind",
                    bind, port, e.getMessage());
        }
        String origin = "http://" + address.getAddress().getHostAddress() + ":" + address.getPort();
        invocation.out().printf("Keyway listening on %s (API under /api)%n", origin);
        for (WebPages.Page page : pages.pages()) {
            invocation.out().printf("  %s: %s%s/%n", page.title(), origin, page.mountPath());
        }
        invocation.out().flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            session.close();
            stopped.countDown();
        }, "keyway-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Cli.OK;
    }

    static ApiServer server(Session session, ApiServer.Config config, Path patternFolder) {
        return server(session, config, patternFolder, webPages(session));
    }

    static ApiServer server(Session session, ApiServer.Config config, Path patternFolder, WebPages pages) {
        UserStore users = new UserStore(session.home().root().resolve("users.json"), Clock.systemUTC());
        PatternRepository patterns = new PatternRepository(patternFolder, session.engine());
        AtomicReference<ApiServer> self = new AtomicReference<>();
        HostRoutes host = new HostRoutes(session.engine(), new Pickers(session.catalog(), session.plugins()), patterns,
                () -> dev.keyway.engine.server.OpenApiDocs.describe(self.get().routes(), Cli.version()));
        List<Route> routes = new ArrayList<>();
        ClassLoader hostLoader = ServeCommand.class.getClassLoader();
        host.routes().forEach(r -> routes.add(Route.of(r, "engine", hostLoader)));
        for (PluginHost.Contributed<ApiRoutes> contributed : session.plugins().extensions(ApiRoutes.class)) {
            List<ApiRoute> pluginRoutes = ContextClassLoader.call(contributed.classLoader(), contributed.extension()::routes);
            pluginRoutes.forEach(r -> routes.add(Route.of(r, contributed.pluginId(), contributed.classLoader())));
        }
        ApiServer server = new ApiServer(config, users, routes, List.of(pages), host.triggers());
        self.set(server);
        return server;
    }

    /** The plugins' pages; mount path and title are read once, each with the plugin's own class loader. */
    static WebPages webPages(Session session) {
        List<WebPages.Page> pages = new ArrayList<>();
        for (PluginHost.Contributed<WebAssets> contributed : session.plugins().extensions(WebAssets.class)) {
            WebAssets assets = contributed.extension();
            ClassLoader loader = contributed.classLoader();
            pages.add(new WebPages.Page(contributed.pluginId(), ContextClassLoader.call(loader, assets::mountPath),
                    ContextClassLoader.call(loader, assets::title), loader, assets));
        }
        return new WebPages(pages);
    }

    private static int port(String text) {
        try {
            int port = Integer.parseInt(text);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new UsageException("--port must be a number from 0 to 65535, not '%s'", text);
    }
}
