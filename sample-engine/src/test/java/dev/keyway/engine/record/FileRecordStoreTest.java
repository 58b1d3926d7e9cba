package dev.keyway.engine.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileRecordStoreTest {

    @TempDir
    Path folder;

    static ExecutionRecord record(String id, Instant at) {
        NodeRecord node = new NodeRecord("n", "test.echo", NodeStatus.SUCCEEDED, at, 3L, Map.of("value", 1),
                Map.of("value", 1), null, List.of(new LogLine(at, "info", "hello")));
        return new ExecutionRecord(id, "p", "alice", "acme", "dev", ExecutionStatus.SUCCEEDED, at, at.plusMillis(3), 3,
                Map.of("a", "b"), List.of(node), Map.of("out", List.of(1, "x")), null);
    }

    @Test
    void savesListsNewestFirstAndReadsBack() {
        FileRecordStore store = new FileRecordStore(folder.resolve("records"));
        ExecutionRecord older = record("ex-20260101T000000000Z-00000001", Instant.parse("2026-01-01T00:00:00Z"));
        ExecutionRecord newer = record("ex-20260102T000000000Z-00000002", Instant.parse("2026-01-02T00:00:00Z"));
        store.save(older);
        store.save(newer);

        assertThat(store.list(10)).extracting(ExecutionRecord::id).containsExactly(newer.id(), older.id());
        assertThat(store.list(1)).hasSize(1);
        assertThat(store.get(older.id())).contains(older);
        assertThat(store.get("missing")).isEmpty();
        assertThat(store.get("../etc/passwd")).isEmpty();
    }

    @Test
    void auditLinesAreAppendedAndHoldNoData() throws Exception {
        FileRecordStore store = new FileRecordStore(folder);
        ExecutionRecord record = record("ex-1", Instant.parse("2026-01-01T00:00:00Z"));
        store.audit(AuditEntry.of(record));
        store.audit(AuditEntry.of(record));

        List<String> lines = Files.readAllLines(folder.resolve(FileRecordStore.AUDIT_FILE));
        assertThat(lines).hasSize(2).allSatisfy(line -> assertThat(line)
                .contains("\"id\":\"ex-1\"", "\"patternId\":\"p\"", "\"user\":\"alice\"", "\"status\":\"succeeded\"")
                .doesNotContain("hello", "\"out\""));
        assertThat(store.list(10)).isEmpty();
    }

    @Test
    void anEmptyOrMissingFolderListsNothing() {
        assertThat(new FileRecordStore(folder.resolve("none")).list(5)).isEmpty();
    }

    @Test
    void aDamagedRecordIsSkippedInListingsButReportedOnGet() throws Exception {
        FileRecordStore store = new FileRecordStore(folder);
        store.save(record("ex-20260101T000000000Z-00000001", Instant.parse("2026-01-01T00:00:00Z")));
        Files.writeString(folder.resolve("ex-20260103T000000000Z-00000003.json"), "{not json");

        assertThat(store.list(10)).extracting(ExecutionRecord::id).containsExactly("ex-20260101T000000000Z-00000001");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> store.get("ex-20260103T000000000Z-00000003"))
                .isInstanceOf(RecordStoreException.class).hasMessageContaining("may be damaged");
    }
}
