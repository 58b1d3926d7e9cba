package dev.keyway.engine.record;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyway.engine.json.EngineJson;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One JSON file per execution ({@code <id>.json}) and an append-only {@code audit.jsonl} in one
 * folder. Execution ids start with their UTC start time, so file names sort by age.
 */
public final class FileRecordStore implements RecordStore {

    public static final String AUDIT_FILE = "audit.jsonl";
    private static final String SUFFIX = ".json";
    private static final java.util.regex.Pattern SAFE_ID = java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*");

    private static final Logger LOG = LoggerFactory.getLogger(FileRecordStore.class);

    private final Path folder;
    private final ObjectMapper json = EngineJson.mapper();
    private final AuditFile audit;

    public FileRecordStore(Path folder) {
        this.folder = folder;
        this.audit = new AuditFile(folder.resolve(AUDIT_FILE));
    }

    public Path folder() {
        return folder;
    }

    @Override
    public void save(ExecutionRecord record) {
        Path target = file(record.id());
        Path temporary = folder.resolve(record.id() + ".tmp");
        try {
            Files.createDirectories(folder);
            json.writerWithDefaultPrettyPrinter().writeValue(temporary.toFile(), record);
            moveIntoPlace(temporary, target);
        } catch (IOException e) {
            throw new RecordStoreException(e, "could not write execution record %s (%s); check that the folder is "
                    + "writable and the disk is not full", target, e.getClass().getSimpleName());
        }
    }

    private static void moveIntoPlace(Path temporary, Path target) throws IOException {
        // Readers never see half a record.
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Override
    public void audit(AuditEntry entry) {
        audit.append(entry);
    }

    /** Closes the audit file; a later line opens it again. */
    @Override
    public void close() {
        audit.close();
    }

    @Override
    public List<ExecutionRecord> list(int limit) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(SUFFIX))
                    .sorted(Comparator.comparing((Path f) -> f.getFileName().toString()).reversed())
                    .map(this::readOrSkip)
                    .flatMap(Optional::stream)
                    .limit(Math.max(0, limit))
                    .toList();
        } catch (IOException e) {
            throw new RecordStoreException(e, "could not list execution records in %s (%s)", folder,
                    e.getClass().getSimpleName());
        }
    }

    @Override
    public Optional<ExecutionRecord> get(String executionId) {
        // The id may come from a URL: never let it name a file outside the folder.
        if (executionId == null || !SAFE_ID.matcher(executionId).matches()) {
            return Optional.empty();
        }
        Path file = file(executionId);
        return Files.isRegularFile(file) ? Optional.of(read(file)) : Optional.empty();
    }

    private Path file(String executionId) {
        return folder.resolve(executionId + SUFFIX);
    }

    /** One damaged file must not hide every other record from a listing. */
    private Optional<ExecutionRecord> readOrSkip(Path file) {
        try {
            return Optional.of(read(file));
        } catch (RecordStoreException e) {
            LOG.warn("skipping unreadable execution record {} ({})", file, e.getCause().getClass().getSimpleName());
            return Optional.empty();
        }
    }

    private ExecutionRecord read(Path file) {
        try {
            return json.readValue(file.toFile(), ExecutionRecord.class);
        } catch (IOException e) {
            throw new RecordStoreException(e, "could not read execution record %s (%s); the file may be damaged, "
                    + "move it aside", file, e.getClass().getSimpleName());
        }
    }
}
