package dev.keyway.engine.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Malformed patterns made from the valid samples in {@code patterns/}: cut short, every field
 * of the wrong type, nested ten thousand deep, megabytes long, with characters an id cannot
 * hold, duplicate keys, missing fields, dependency cycles, unknown node types and wires to
 * nodes that do not exist. None is a valid pattern.
 */
final class PatternCorpus {

    /**
     * A sample and what was made from it.
     *
     * @param id      the sample's pattern id, under which its mutants are sent
     * @param valid   the sample itself
     * @param mutants the malformed patterns made from it
     */
    record Sample(String id, String valid, List<Mutant> mutants) {
    }

    private static final int TRUNCATIONS_PER_SAMPLE = 24;
    private static final int UNKNOWN_FIELDS = 20_000;

    private PatternCorpus() {
    }

    static List<Sample> from(Path folder) {
        List<Sample> samples = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> sorted = files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
            for (int i = 0; i < sorted.size(); i++) {
                String text = Files.readString(sorted.get(i));
                Object doc = JsonDocs.parse(text);
                samples.add(new Sample((String) JsonDocs.get(doc, "/id"), text, mutate(text, doc, i)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return samples;
    }

    /** Documents made from no sample: no pattern at all, or one drowned in unknown fields. */
    static List<Mutant> extras() {
        List<Mutant> mutants = new ArrayList<>(Mutations.notObjects());
        mutants.add(new Mutant("not-an-object", "empty", ""));
        mutants.add(new Mutant("not-an-object", "blank", " \n\t "));
        mutants.add(new Mutant("not-an-object", "byte order mark and nothing", "\uFEFF"));
        StringBuilder junk = new StringBuilder("{\"id\": \"junk\", \"name\": \"Junk\", \"nodes\": []");
        for (int i = 0; i < UNKNOWN_FIELDS; i++) {
            junk.append(",\n\"field").append(i).append("\": ").append(i);
        }
        mutants.add(new Mutant("unknown-fields", UNKNOWN_FIELDS + " unknown fields", junk.append('}').toString()));
        return mutants;
    }

    private static List<Mutant> mutate(String text, Object doc, int index) {
        List<Mutant> mutants = new ArrayList<>(Mutations.truncations(text, TRUNCATIONS_PER_SAMPLE, true));
        mutants.addAll(Mutations.wrongTypes(doc, fields(doc)));
        mutants.addAll(Mutations.deepNesting(doc, "/nodes/0/properties"));
        // Several megabytes in a different place for each sample.
        List<String> hugeAt = List.of("/name", "/description", "/nodes/0/id", "/nodes/0/type", "/id");
        mutants.add(Mutations.huge(doc, hugeAt.get(index % hugeAt.size()), 2 + index % 4));
        mutants.add(Mutations.huge(doc, "/nodes/0/properties/" + firstKey(JsonDocs.get(doc, "/nodes/0/properties")), 1.5));
        for (String pointer : List.of("/id", "/nodes/0/id", "/nodes/0/type")) {
            mutants.addAll(Mutations.identifierOddities(doc, pointer));
        }
        mutants.addAll(Mutations.loneSurrogates(doc, "/name"));
        mutants.addAll(Mutations.loneSurrogates(doc, "/nodes/0/id"));
        mutants.addAll(Mutations.textOddities(doc, "/name"));
        for (String pointer : List.of("/id", "/nodes", "/nodes/0/type", "/trigger/type")) {
            mutants.add(Mutations.duplicateKey(doc, pointer));
        }
        for (String pointer : List.of("/id", "/name", "/nodes", "/nodes/0/id", "/nodes/0/type")) {
            mutants.add(new Mutant("missing-field", "without " + pointer, JsonDocs.write(JsonDocs.without(doc, pointer))));
        }
        mutants.addAll(graphMistakes(doc));
        return mutants;
    }

    /** Cycles, unknown node types and wires to missing nodes: well-formed documents the engine cannot run. */
    private static List<Mutant> graphMistakes(Object doc) {
        List<Mutant> mutants = new ArrayList<>();
        List<?> nodes = (List<?>) JsonDocs.get(doc, "/nodes");
        String first = (String) JsonDocs.get(doc, "/nodes/0/id");
        String last = (String) JsonDocs.get(doc, "/nodes/" + (nodes.size() - 1) + "/id");
        mutants.add(new Mutant("cycle", "node '" + first + "' wired to itself", withInput(doc, first + ".body")));
        if (nodes.size() > 1) {
            mutants.add(new Mutant("cycle", "first node wired to the last, which depends on it", withInput(doc, last + ".body")));
        }
        for (String type : List.of("connections.htp-request", "nope.nothing", "", "Connections.HTTP-Request")) {
            mutants.add(new Mutant("unknown-node-type", "/nodes/0/type = '" + type + "'",
                    JsonDocs.write(JsonDocs.with(doc, "/nodes/0/type", type))));
        }
        mutants.add(new Mutant("missing-node", "an input wired to node 'ghost'", withInput(doc, "ghost.body")));
        mutants.add(new Mutant("missing-node", "an output wired to node 'ghost'",
                JsonDocs.write(JsonDocs.with(doc, "/outputs/ghostly", Map.of("from", "ghost.value")))));
        mutants.add(new Mutant("missing-node", "an input with an empty wire",
                withInput(doc, "")));
        return mutants;
    }

    /** The sample with an extra input on its first node, wired to {@code from}. */
    private static String withInput(Object doc, String from) {
        Object inputs = JsonDocs.get(doc, "/nodes/0/inputs");
        Object edited = inputs == null ? JsonDocs.with(doc, "/nodes/0/inputs", Map.of("extra", Map.of("from", from)))
                : JsonDocs.with(doc, "/nodes/0/inputs/extra", Map.of("from", from));
        return JsonDocs.write(edited);
    }

    /**
     * Where a wrong type must be refused: the pattern's own fields, each node's fields and
     * properties, and every wire's {@code from}. Input values and outputs are left out: there any
     * JSON value is a literal.
     */
    private static List<String> fields(Object doc) {
        return JsonDocs.pointers(doc).stream().filter(p -> p.endsWith("/from") || !p.matches("/nodes/\\d+/inputs/.+|/outputs/.+"))
                .filter(p -> !p.matches("/nodes/\\d+/properties/.+/.+"))
                .toList();
    }

    private static String firstKey(Object object) {
        return ((Map<?, ?>) object).keySet().iterator().next().toString();
    }
}
