package dev.keyway.connections.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyway.connections.ConnectionType;
import dev.keyway.connections.testing.ChildJvm;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A data key rotation over thousands of connections, with credential updates going on beside it,
 * cut short by SIGKILL at a random point. After the restart every connection decrypts to one whole
 * generation of its credentials, none older than the last acknowledged one, and a new rotation
 * moves every row onto one key.
 */
class KeyRotationCrashTest {

    private static final int CONNECTIONS = 3_000;

    @TempDir
    Path dir;

    @Test
    void killedRotationLosesNoAcknowledgedWriteAndCanBeCompleted() throws Exception {
        String key = TestStores.newKey();
        Map<String, String> names = seed(key);

        Map<String, Integer> acknowledged = new HashMap<>();
        long[] rotated = new long[2];
        // Somewhere in the first half of the rotation, not always at a batch boundary.
        long killAt = CONNECTIONS / 5 + ThreadLocalRandom.current().nextInt(CONNECTIONS / 4);
        ChildJvm child = ChildJvm.start(CrashRotator.class, Map.of("KEYWAY_MASTER_KEY", key), dir.toString());
        child.killWhen(line -> {
            String[] parts = line.split(" ");
            switch (parts[0]) {
                case "ACK" -> acknowledged.put(parts[1], Integer.parseInt(parts[2]));
                case "ROTATED" -> {
                    rotated[0] = Long.parseLong(parts[1]);
                    rotated[1] = Long.parseLong(parts[2]);
                }
                case "ROTATION-DONE" -> throw new AssertionError("the rotation finished before the kill; raise "
                        + "CONNECTIONS so the kill lands inside it");
                default -> { }
            }
            return rotated[0] < killAt || acknowledged.size() < 20;
        }, 50, 120);
        System.out.printf("SIGKILL after %d of %d rows rotated and %d acknowledged updates%n", rotated[0], rotated[1],
                acknowledged.size());

        try (JdbcConnectionStore store = CrashRestart.open(() -> JdbcConnectionStore.open(TestStores.options(dir, key)),
                "store after a killed key rotation")) {
            List<KeyVersionInfo> status = store.keys().status();
            assertThat(status).as("the kill landed inside the rotation: rows on both keys")
                    .extracting(KeyVersionInfo::connectionRows).allMatch(rows -> rows > 0).hasSize(2);
            assertWholeGenerations(store, names, acknowledged);

            RotationResult resumed = store.keys().rotateDataKey(RotationProgress.none());
            assertThat(resumed.rowsRewrapped()).isEqualTo(CONNECTIONS);
            assertThat(resumed.retiredVersions()).containsExactlyInAnyOrder(1, 2);
            assertThat(store.keys().status()).extracting(KeyVersionInfo::version, KeyVersionInfo::connectionRows)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(3, (long) CONNECTIONS),
                            org.assertj.core.groups.Tuple.tuple(2, 0L), org.assertj.core.groups.Tuple.tuple(1, 0L));
            assertWholeGenerations(store, names, acknowledged);
        }
    }

    /** The connections, created in one transaction before the child starts: id to display name. */
    private Map<String, String> seed(String key) {
        List<NewConnection> requests = new ArrayList<>();
        for (int i = 0; i < CONNECTIONS; i++) {
            requests.add(NewConnection.builder("jira", ConnectionType.CREDENTIALS, "production",
                    CrashRotator.generation("c" + i, 0)).displayName("c" + i).build());
        }
        Map<String, String> names = new HashMap<>();
        try (JdbcConnectionStore store = JdbcConnectionStore.open(TestStores.options(dir, key))) {
            store.createAll(TestStores.ALICE, requests).forEach(c -> names.put(c.id(), c.displayName()));
        }
        return names;
    }

    /**
     * Each connection holds one generation in every field, at least its last acknowledged one and
     * at most one past it (the update in flight when the child died).
     */
    private static void assertWholeGenerations(JdbcConnectionStore store, Map<String, String> names,
                                               Map<String, Integer> acknowledged) {
        for (Map.Entry<String, String> connection : names.entrySet()) {
            String id = connection.getKey();
            try (ResolvedConnection resolved = store.resolve(id, TestStores.ALICE, "production")) {
                String token = resolved.credentials().field("api-token").orElseThrow().reveal();
                int generation = Integer.parseInt(token.substring(token.lastIndexOf("-g") + 2));
                try (Credentials expected = CrashRotator.generation(connection.getValue(), generation)) {
                    assertThat(resolved.credentials().fields()).as(id).isEqualTo(expected.fields());
                }
                int acked = acknowledged.getOrDefault(id, 0);
                assertThat(generation).as("generation of %s", id).isBetween(acked, acked + 1);
            }
        }
    }
}
