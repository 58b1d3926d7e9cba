package dev.keyway.connections.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreLockTest {

    @TempDir
    Path dir;

    @Test
    void killedWriterLosesNoAcknowledgedWriteAndReopensWithoutAStaleLockWait() throws Exception {
        String key = TestStores.newKey();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                CrashWriter.class.getName(), dir.toString(), "1000")
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("KEYWAY_MASTER_KEY", key);
        Process child = builder.start();

        Map<Integer, String> acknowledged = new LinkedHashMap<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("ACK ")) {
                    String[] parts = line.split(" ");
                    acknowledged.put(Integer.parseInt(parts[1]), parts[2]);
                    if (acknowledged.size() == 400) {
                        child.destroyForcibly(); // SIGKILL mid-run: no shutdown hook, no close
                        break;
                    }
                }
            }
        }
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
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
