package dev.keyway.engine.server;

import dev.keyway.api.KeywayException;
import dev.keyway.engine.Engine;
import dev.keyway.engine.PatternException;
import dev.keyway.engine.pattern.Pattern;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The patterns a server runs: one validated JSON file per pattern in a folder
 * ({@code KEYWAY_HOME/patterns}). Files are written atomically and only after validation, so the
 * folder never holds a pattern the engine would refuse.
 */
public final class PatternRepository {

    private static final Logger LOG = LoggerFactory.getLogger(PatternRepository.class);
    private static final java.util.regex.Pattern ID = java.util.regex.Pattern.compile("[a-z0-9][a-z0-9-]{0,99}");

    private final Path folder;
    private final Engine engine;
    private final Map<String, Pattern> patterns = new ConcurrentHashMap<>();

    public PatternRepository(Path folder, Engine engine) {
        this.folder = folder;
        this.engine = engine;
        reload();
    }

    /** Loads every valid file; invalid ones are logged with their first problem and skipped. */
    private void reload() {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                try {
                    Pattern pattern = engine.load(file);
                    patterns.put(pattern.id(), pattern);
                } catch (PatternException e) {
                    LOG.warn("skipping pattern file {}: {}", file, e.problems().isEmpty() ? "invalid" : e.problems().get(0));
                }
            }
        } catch (IOException e) {
            throw new KeywayException("cannot list patterns in %s: %s", folder, e.getMessage());
        }
    }

    public List<Pattern> list() {
        List<Pattern> all = new ArrayList<>(patterns.values());
        all.sort(Comparator.comparing(Pattern::id));
        return all;
    }

    public Optional<Pattern> get(String id) {
        return Optional.ofNullable(patterns.get(id));
    }

    /** The stored document of a pattern, as it was saved. */
    public Optional<String> source(String id) {
        if (!patterns.containsKey(id)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readString(file(id), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new KeywayException("cannot read pattern %s: %s", id, e.getMessage());
        }
    }

    /**
     * Validates and stores a pattern under {@code id}.
     *
     * @throws PatternException listing every problem; nothing is stored then
     * @throws IllegalArgumentException when the id is malformed or differs from the document's
     */
    public synchronized Pattern put(String id, String text) {
        requireId(id);
        Pattern pattern = engine.parse(text, "pattern " + id);
        if (!pattern.id().equals(id)) {
            throw new IllegalArgumentException("the document's id '" + pattern.id() + "' differs from '" + id
                    + "' in the URL; make them equal");
        }
        if (pattern.trigger().type().equals(dev.keyway.engine.pattern.Trigger.HTTP)) {
            byTrigger(pattern.trigger().method(), pattern.trigger().path())
                    .filter(other -> !other.id().equals(id))
                    .ifPresent(other -> {
                        throw new IllegalArgumentException("pattern '" + other.id() + "' already listens on "
                                + pattern.trigger().method() + " " + pattern.trigger().path() + "; choose another trigger path");
                    });
        }
        try {
            Files.createDirectories(folder);
            Path temp = folder.resolve(id + ".json.tmp");
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            try {
                Files.move(temp, file(id), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file(id), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new KeywayException("cannot store pattern %s: %s", id, e.getMessage());
        }
        patterns.put(id, pattern);
        return pattern;
    }

    public synchronized boolean delete(String id) {
        if (patterns.remove(id) == null) {
            return false;
        }
        try {
            Files.deleteIfExists(file(id));
        } catch (IOException e) {
            throw new KeywayException("cannot delete pattern %s: %s", id, e.getMessage());
        }
        return true;
    }

    /** The pattern whose HTTP trigger listens on this method and path. */
    public Optional<Pattern> byTrigger(String method, String path) {
        return patterns.values().stream()
                .filter(p -> p.trigger().type().equals(dev.keyway.engine.pattern.Trigger.HTTP))
                .filter(p -> p.trigger().path().equals(path) && p.trigger().method().equals(method))
                .findFirst();
    }

    /** Whether some pattern's HTTP trigger listens on this path, with any method. */
    public boolean hasTriggerPath(String path) {
        return patterns.values().stream().anyMatch(p -> p.trigger().type().equals(dev.keyway.engine.pattern.Trigger.HTTP)
                && p.trigger().path().equals(path));
    }

    private Path file(String id) {
        requireId(id);
        return folder.resolve(id + ".json");
    }

    private static void requireId(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("pattern id '" + id + "' must be lower-case letters, digits and '-'");
        }
    }
}
