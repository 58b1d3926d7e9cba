package dev.keyway.engine.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditFileTest {

    @TempDir
    Path folder;

    private static AuditEntry entry(String id) {
        return new AuditEntry(id, "p", "alice", "acme", ExecutionStatus.SUCCEEDED, Instant.parse("2026-01-01T00:00:00.5Z"));
    }

    @Test
    void eachLineIsTheJsonOfItsEntry() throws Exception {
        AuditEntry odd = new AuditEntry("ex-1", "quote\" back\\slash \n tab\t \u0001 é", "bob", null,
                ExecutionStatus.FAILED, Instant.parse("2026-03-04T05:06:07.089Z"));
        @SuppressWarnings("unchecked")
        Map<String, Object> parsed = new ObjectMapper().readValue(AuditFile.line(odd), Map.class);

        assertThat(parsed).containsEntry("id", "ex-1").containsEntry("patternId", odd.patternId())
                .containsEntry("user", "bob").containsEntry("status", "failed")
                .containsEntry("at", "2026-03-04T05:06:07.089Z").doesNotContainKey("workspace").hasSize(5);
        assertThat(AuditFile.line(odd)).endsWith("}\n").doesNotContain("\n\t").hasLineCount(1);
    }

    @Test
    void createsItsFolderAndAppendsAcrossReopens() throws Exception {
        Path file = folder.resolve("records/audit.jsonl");
        try (AuditFile audit = new AuditFile(file)) {
            audit.append(entry("ex-1"));
            audit.append(entry("ex-2"));
        }
        try (AuditFile audit = new AuditFile(file)) {
            audit.append(entry("ex-3"));
        }
        assertThat(Files.readAllLines(file)).extracting(line -> line.substring(0, 13))
                .containsExactly("{\"id\":\"ex-1\",", "{\"id\":\"ex-2\",", "{\"id\":\"ex-3\",");
    }

    @Test
    void aTrailMovedAsideOrDeletedGetsANewFileAndLosesNoLine() throws Exception {
        Path file = folder.resolve("audit.jsonl");
        try (AuditFile audit = new AuditFile(file, java.time.Duration.ZERO)) {
            audit.append(entry("ex-1"));
            Files.move(file, folder.resolve("audit.jsonl.1"));
            audit.append(entry("ex-2"));
            Files.delete(file);
            audit.append(entry("ex-3"));
        }
        assertThat(Files.readAllLines(folder.resolve("audit.jsonl.1"))).singleElement().asString().contains("ex-1");
        assertThat(Files.readAllLines(file)).singleElement().asString().contains("ex-3");
    }

    @Test
    void betweenChecksLinesGoToTheFileHeldOpenAndTheNextCheckSwitches() throws Exception {
        Path file = folder.resolve("audit.jsonl");
        try (AuditFile audit = new AuditFile(file, java.time.Duration.ofMinutes(10))) {
            audit.append(entry("ex-1"));
            Files.move(file, folder.resolve("audit.jsonl.1"));
            audit.append(entry("ex-2")); // inside the window: still the file held open
        }
        try (AuditFile audit = new AuditFile(file, java.time.Duration.ofMillis(50))) {
            audit.append(entry("ex-3"));
            Files.move(file, folder.resolve("audit.jsonl.2"));
            Thread.sleep(120);
            audit.append(entry("ex-4")); // past the window: checked, and a new file
        }
        assertThat(Files.readAllLines(folder.resolve("audit.jsonl.1"))).hasSize(2)
                .satisfiesExactly(l -> assertThat(l).contains("ex-1"), l -> assertThat(l).contains("ex-2"));
        assertThat(Files.readAllLines(folder.resolve("audit.jsonl.2"))).singleElement().asString().contains("ex-3");
        assertThat(Files.readAllLines(file)).singleElement().asString().contains("ex-4");
    }

    @Test
    void theEnginesAuditLineIsTheSameJsonAsBefore() throws Exception {
        AuditEntry entry = new AuditEntry("ex-9", "p", "alice", null, ExecutionStatus.SUCCEEDED,
                Instant.parse("2026-01-01T00:00:00.5Z"));
        assertThat(AuditFile.line(entry)).isEqualTo(dev.keyway.engine.json.EngineJson.write(entry) + "\n");
        assertThat(AuditFile.line(entry("ex-8"))).isEqualTo(dev.keyway.engine.json.EngineJson.write(entry("ex-8")) + "\n");
    }

    @Test
    void concurrentWritersNeverInterleaveWithinALine() throws Exception {
        Path file = folder.resolve("audit.jsonl");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try (AuditFile audit = new AuditFile(file)) {
            List<Future<?>> writers = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                writers.add(pool.submit(() -> {
                    for (int i = 0; i < 500; i++) {
                        audit.append(entry("ex-" + thread + "-" + i));
                    }
                }));
            }
            for (Future<?> writer : writers) {
                writer.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        List<String> lines = Files.readAllLines(file);
        ObjectMapper json = new ObjectMapper();
        assertThat(lines).hasSize(4000);
        assertThat(lines.stream().map(line -> {
            try {
                return (String) json.readValue(line, Map.class).get("id");
            } catch (Exception e) {
                throw new AssertionError("not one JSON object: " + line, e);
            }
        }).distinct().count()).isEqualTo(4000);
    }

    @Test
    void anUnwritableTrailIsAClearErrorAndALaterLineStillGetsThrough() throws Exception {
        Path blocker = folder.resolve("records");
        Files.writeString(blocker, "a file where the folder should be");
        try (AuditFile audit = new AuditFile(blocker.resolve("audit.jsonl"))) {
            assertThatThrownBy(() -> audit.append(entry("ex-1"))).isInstanceOf(RecordStoreException.class)
                    .hasMessageContaining("could not append to the audit file").hasMessageContaining("audit.jsonl");
            Files.delete(blocker);
            audit.append(entry("ex-2"));
        }
        assertThat(Files.readAllLines(blocker.resolve("audit.jsonl"))).singleElement().asString().contains("ex-2");
    }
}
