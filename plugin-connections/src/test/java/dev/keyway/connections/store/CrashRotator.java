package dev.keyway.connections.store;

import dev.keyway.api.Secret;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Child JVM for {@link KeyRotationCrashTest}: rotates the data key of a store full of connections
 * while a second thread keeps replacing their credentials, until it is killed. Prints
 * {@code ROTATED <done> <total>} after each committed rotation batch and {@code ACK <id> <generation>}
 * after each committed update. Args: data dir.
 */
public final class CrashRotator {

    private CrashRotator() {
    }

    /** Every field of a generation names it, so a half-applied update would show as a mismatch. */
    static Credentials generation(String name, int generation) {
        return Credentials.of(Map.of(
                "user-email", Secret.of("g" + generation + "@" + name + ".test"),
                "api-token", Secret.of(name + "-g" + generation),
                "base-url", Secret.of("https://acme.atlassian.net")));
    }

    public static void main(String[] args) {
        JdbcConnectionStore store = JdbcConnectionStore.open(StoreOptions.embedded(Path.of(args[0]), System.getenv()));
        List<Connection> all = store.list(TestStores.ALICE, ConnectionFilter.all());
        print("OPEN " + all.size());
        Thread writer = new Thread(() -> {
            for (int generation = 1; ; generation++) {
                for (Connection c : all) {
                    store.update(c.id(), TestStores.ALICE,
                            ConnectionUpdate.none().withCredentials(generation(c.displayName(), generation)));
                    print("ACK " + c.id() + " " + generation);
                }
            }
        }, "writer");
        writer.setDaemon(true);
        writer.start();
        store.keys().rotateDataKey((done, total) -> print("ROTATED " + done + " " + total));
        print("ROTATION-DONE");
        // No close(): the parent kills us, mid-rotation in the real test.
    }

    private static synchronized void print(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
