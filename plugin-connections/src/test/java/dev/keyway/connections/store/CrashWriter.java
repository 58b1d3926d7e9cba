package dev.keyway.connections.store;

import java.nio.file.Path;

/**
 * Child JVM for {@link StoreLockTest}: writes connections and prints {@code ACK <n> <id>} only
 * after each create has committed, until it is killed. Args: data dir, number of writes.
 */
public final class CrashWriter {

    private CrashWriter() {
    }

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        int writes = Integer.parseInt(args[1]);
        JdbcConnectionStore store = JdbcConnectionStore.open(StoreOptions.embedded(dir, System.getenv()));
        System.out.println("OPEN");
        System.out.flush();
        for (int i = 0; i < writes; i++) {
            Connection c = store.create(TestStores.ALICE, TestStores.jira("production", "token-" + i));
            System.out.println("ACK " + i + " " + c.id());
            System.out.flush();
        }
        System.out.println("DONE");
        System.out.flush();
        // No close(): the parent kills us before this point in the real test.
    }
}
