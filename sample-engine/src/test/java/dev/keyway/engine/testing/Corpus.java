package dev.keyway.engine.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Every byte a system under test wrote, by where it was found (a file, a stream, an HTTP answer),
 * to be searched for canaries. Bytes are kept as ISO-8859-1 text, which maps each byte to one
 * character, so binary files (database pages, key files) are searched as they are on disk.
 */
public final class Corpus {

    /**
     * One place a canary was found: never its value.
     *
     * @param where  the file, stream or answer
     * @param canary the canary's label
     * @param form   the disguise found
     * @param offset the byte offset of the first occurrence
     */
    public record Hit(String where, String canary, String form, int offset) {

        @Override
        public String toString() {
            return canary + " as " + form + " in " + where + " at byte " + offset;
        }
    }

    private final Map<String, String> captured = new LinkedHashMap<>();

    public void add(String where, byte[] bytes) {
        String key = where;
        for (int n = 2; captured.containsKey(key); n++) {
            key = where + " #" + n;
        }
        captured.put(key, new String(bytes, StandardCharsets.ISO_8859_1));
    }

    public void add(String where, String text) {
        add(where, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Every regular file below {@code folder}, as raw bytes, named by its path below it. */
    public void addFiles(String label, Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                add(label + "/" + folder.relativize(file), Files.readAllBytes(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + folder, e);
        }
    }

    /** Where things were captured, with their sizes in bytes. */
    public Map<String, Integer> sizes() {
        Map<String, Integer> sizes = new LinkedHashMap<>();
        captured.forEach((where, text) -> sizes.put(where, text.length()));
        return sizes;
    }

    /** Every place any disguise of {@code canary} occurs, one hit per place and form. */
    public List<Hit> find(Canary canary) {
        List<Hit> hits = new ArrayList<>();
        captured.forEach((where, text) -> canary.disguises().forEach((form, disguise) -> {
            int offset = text.indexOf(disguise);
            if (offset >= 0) {
                hits.add(new Hit(where, canary.label(), form, offset));
            }
        }));
        return hits;
    }

    /** Hits of all {@code canaries}. */
    public List<Hit> find(List<Canary> canaries) {
        return canaries.stream().flatMap(canary -> find(canary).stream()).toList();
    }
}
