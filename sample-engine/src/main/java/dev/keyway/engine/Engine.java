package dev.keyway.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keyway.engine.exec.Executor;
import dev.keyway.engine.exec.RunRequest;
import dev.keyway.engine.json.EngineJson;
import dev.keyway.engine.pattern.Pattern;
import dev.keyway.engine.record.AuditEntry;
import dev.keyway.engine.record.ExecutionRecord;
import dev.keyway.engine.record.RecordStore;
import dev.keyway.engine.schema.PatternSchema;
import dev.keyway.engine.validate.PatternChecker;
import dev.keyway.engine.validate.Problem;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;

/**
 * The engine core in one place: validate and load pattern files, run patterns, keep records, and
 * render JSON. Thread-safe. Knows nothing of plugins beyond the {@link NodeCatalog} it is given.
 */
public final class Engine {

    private final NodeCatalog catalog;
    private final RecordStore store;
    private final Executor executor;
    private final PatternChecker checker;

    public Engine(NodeCatalog catalog, RecordStore store, ExecutorService pool) {
        this(catalog, store, pool, Clock.systemUTC());
    }

    public Engine(NodeCatalog catalog, RecordStore store, ExecutorService pool, Clock clock) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.store = Objects.requireNonNull(store, "store");
        this.executor = new Executor(catalog, pool, clock);
        this.checker = new PatternChecker(catalog);
    }

    /** Every problem of a pattern file, in file order; empty when it is valid. Never throws for bad input. */
    public List<Problem> validate(Path file) {
        try {
            return validate(read(file));
        } catch (PatternException e) {
            return e.problems();
        }
    }

    /** Every problem of pattern text, in file order; empty when it is valid. */
    public List<Problem> validate(String text) {
        return checker.check(text).problems();
    }

    /** A valid pattern from a file, or a {@link PatternException} listing every problem. */
    public Pattern load(Path file) {
        return parse(read(file), file.toString());
    }

    /** A valid pattern from text; {@code source} names it in the exception message. */
    public Pattern parse(String text, String source) {
        PatternChecker.Result result = checker.check(text);
        return result.pattern().orElseThrow(() -> new PatternException(source, result.problems()));
    }

    /**
     * Runs a pattern and keeps its record: the whole redacted record, or for a no-store request
     * only the audit line. Node failures do not throw; they are in the returned record. The pattern
     * must come from {@link #parse} or {@link #load}: their validation checked its literal values,
     * which runs do not check again (values arriving through wires are checked on every run).
     *
     * @throws dev.keyway.engine.record.RecordStoreException if the record cannot be written
     */
    public ExecutionRecord run(RunRequest request) {
        ExecutionRecord record = executor.run(request);
        // Audit first: if the record cannot be written, the trail still shows the run happened.
        store.audit(AuditEntry.of(record));
        if (!request.noStore()) {
            store.save(record);
        }
        return record;
    }

    public RecordStore records() {
        return store;
    }

    public NodeCatalog catalog() {
        return catalog;
    }

    /** The JSON Schema (draft 2020-12) of pattern files for the node types known now. */
    public ObjectNode schema() {
        return new PatternSchema(catalog).generate();
    }

    /** Indented JSON of records, problems or any JDK value; every {@link dev.keyway.api.Secret} shows as the mask. */
    public static String toJson(Object value) {
        return EngineJson.pretty(value);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw fileProblem(file, "The file " + file + " does not exist; check the path.");
        } catch (MalformedInputException e) {
            throw fileProblem(file, "The file " + file + " is not UTF-8 text; save it as UTF-8 JSON.");
        } catch (IOException e) {
            throw fileProblem(file, "The file " + file + " cannot be read (" + e.getClass().getSimpleName()
                    + "); check its permissions.");
        }
    }

    private static PatternException fileProblem(Path file, String message) {
        return new PatternException(file.toString(), List.of(new Problem("", message, 0, 0)));
    }
}
