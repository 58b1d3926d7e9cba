package dev.keyway.connections.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.hsqldb.server.Server;

/** An HSQLDB server on a free loopback port, as several engines would share in production. */
public final class HsqldbServers {

    private HsqldbServers() {
    }

    /** Starts database {@code keyway} (MVCC, durable on commit) in {@code folder}; stop it with {@link #stop}. */
    public static Server start(Path folder) throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Server server = new Server();
        server.setLogWriter(null);
        server.setErrWriter(null);
        server.setSilent(true);
        server.setDatabaseName(0, "keyway");
        server.setDatabasePath(0, "file:" + folder.resolve("keyway") + ";hsqldb.tx=mvcc;hsqldb.write_delay=false");
        server.setPort(port);
        server.setNoSystemExit(true);
        server.start();
        return server;
    }

    public static String url(Server server) {
        return "jdbc:hsqldb:hsql://localhost:" + server.getPort() + "/keyway";
    }

    public static void stop(Server server) {
        server.shutdownWithCatalogs(org.hsqldb.Database.CLOSEMODE_NORMAL);
    }
}
