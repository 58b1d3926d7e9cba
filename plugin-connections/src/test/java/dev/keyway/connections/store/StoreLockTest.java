package dev.keyway.connections.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyway.connections.testing.ChildJvm;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreLockTest {

    @TempDir
    Path dir;

    @Test
    void killedWriterLosesNoAcknowledgedWriteAndReopensWithoutAStaleLockWait() throws Exception {
        String key = TestStores.newKey();
        Map<Integer, String> acknowledged = new LinkedHashMap<>();
        ChildJvm.start(CrashWriter.class, Map.of("KEYWAY_MASTER_KEY", key), dir.toString(), "1000").killWhen(line -> {
            if (line.startsWith("ACK ")) {
                String[] parts = line.split(" ");
                acknowledged.put(Integer.parseInt(parts[1]), parts[2]);
            }
            return acknowledged.size() < 400; // SIGKILL mid-run: no shutdown hook, no close
        }, 0, 120);
        assertThat(acknowledged).hasSize(400);

        long start = System.nanoTime();
        try (JdbcConnectionStore store = JdbcConnectionStore.open(TestStores.options(dir, key))) {
            long openMillis = (System.nanoTime() - start) / 1_000_000;
            System.out.printf("reopen after SIGKILL with %d acknowledged writes: %d ms%n", acknowledged.size(),
                    openMillis);
            // A generous bound: HSQLDB's own heartbeat lock would make this wait ~10 s.
            assertThat(openMillis).as("reopen after SIGKILL, ms").isLessThan(2_000);
            for (Map.Entry<Integer, String> ack : acknowledged.entrySet()) {
                try (ResolvedConnection r = store.resolve(ack.getValue(), TestStores.ALICE, "production")) {
                    assertThat(r.credentials().field("api-token").orElseThrow().reveal())
                            .isEqualTo("token-" + ack.getKey());
                }
            }
            assertThat(store.list(TestStores.ALICE, ConnectionFilter.all()).size())
                    .isGreaterThanOrEqualTo(acknowledged.size());
        }
    }
}
