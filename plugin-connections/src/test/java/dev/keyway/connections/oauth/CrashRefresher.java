package dev.keyway.connections.oauth;

import dev.keyway.connections.ConnectionsRuntime;
import dev.keyway.connections.nodes.HttpRequestNode;
import dev.keyway.connections.store.Connection;
import dev.keyway.connections.store.ConnectionFilter;
import dev.keyway.connections.store.ResolvedConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Child JVM for {@link RefreshCrashTest}: an engine whose refresh margin makes every use of an OAuth
 * connection renew its tokens first, using each connection of the store in turn until it is killed.
 * After each use it prints {@code ACK <id> <digest of the stored access token>}. Args: data dir; the
 * client secret comes in {@value #SECRET_VARIABLE}, never as an argument.
 */
public final class CrashRefresher {

    static final String SECRET_VARIABLE = "TEST_OAUTH_CLIENT_SECRET";
    /** Longer than any token lives: every use refreshes. */
    static final Map.Entry<String, String> REFRESH_EVERY_USE = Map.entry(OAuthServices.SETTING_REFRESH_MARGIN, "86400");

    private CrashRefresher() {
    }

    public static void main(String[] args) {
        Map<String, String> settings = Map.ofEntries(REFRESH_EVERY_USE,
                Map.entry("connections.oauth.gitlab.client-id", TestAuthorizationServer.CLIENT_ID),
                Map.entry("connections.oauth.gitlab.client-secret", System.getenv(SECRET_VARIABLE)));
        ConnectionsRuntime runtime = ConnectionsRuntime.open(TestEngine.host(Path.of(args[0]), settings,
                Clock.systemUTC()));
        HttpRequestNode node = new HttpRequestNode(runtime::nodes);
        List<Connection> all = runtime.store().list(TestEngine.ALICE, ConnectionFilter.all());
        System.out.println("OPEN " + all.size());
        while (true) {
            for (Connection connection : all) {
                Object status = TestEngine.call(node, connection.id(), "{baseUrl}/projects").get("status");
                if (!Integer.valueOf(200).equals(status)) {
                    throw new IllegalStateException("connection " + connection.id() + " answered " + status);
                }
                try (ResolvedConnection stored = runtime.store().resolve(connection.id(), TestEngine.ALICE,
                        "production")) {
                    System.out.println("ACK " + connection.id() + " "
                            + digest(stored.credentials().field(OAuthFields.TOKEN).orElseThrow().reveal()));
                    System.out.flush();
                }
            }
        }
    }

    /** Enough of a token to recognise it by, and nothing a log reader could use. */
    static String digest(String token) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
