package dev.keyway.engine.it;

import java.util.ArrayList;
import java.util.List;

/**
 * Malformed API request bodies made from valid ones: cut short, every field of the wrong type,
 * nested ten thousand deep, megabytes long, lone surrogates anywhere, odd characters in
 * identifiers, duplicate keys, and bodies that are not objects.
 */
final class BodyCorpus {

    /**
     * One endpoint and a body it accepts.
     *
     * @param method      HTTP method
     * @param path        below the server root; {@code {id}} stands for an existing connection or pattern
     * @param valid       a body the endpoint accepts, the start of every mutant
     * @param typed       whether the endpoint reads fields of fixed types; a run's payload is any object
     * @param identifiers pointers to the strings that name things (providers, hosts, users), where odd characters are errors
     * @param labels      pointers to text people read (names, tags), where invisible characters are errors
     */
    record Endpoint(String method, String path, String valid, boolean typed, List<String> identifiers, List<String> labels) {
    }

    /**
     * A malformed body for an endpoint.
     *
     * @param endpoint where it goes
     * @param mutant   the body
     */
    record BadBody(Endpoint endpoint, Mutant mutant) {
    }

    private static final int TRUNCATIONS_PER_BODY = 64;

    private BodyCorpus() {
    }

    static List<BadBody> of(List<Endpoint> endpoints) {
        List<BadBody> bodies = new ArrayList<>();
        for (Endpoint endpoint : endpoints) {
            for (Mutant mutant : mutate(endpoint)) {
                bodies.add(new BadBody(endpoint, mutant));
            }
        }
        return bodies;
    }

    private static List<Mutant> mutate(Endpoint endpoint) {
        Object doc = JsonDocs.parse(endpoint.valid());
        List<String> fields = JsonDocs.pointers(doc);
        String firstField = fields.get(0);
        // An empty body is a run with no payload, which is fine.
        List<Mutant> mutants = new ArrayList<>(Mutations.truncations(endpoint.valid(), TRUNCATIONS_PER_BODY, endpoint.typed()));
        mutants.addAll(Mutations.notObjects().stream().filter(m -> !m.text().equals("{}") || endpoint.typed()).toList());
        mutants.addAll(Mutations.deepNesting(doc, firstField));
        // Over the server's body limit for everyone; over a text field's limit where fields are typed.
        mutants.add(Mutations.huge(doc, firstField, 3));
        for (String pointer : fields) {
            if (JsonDocs.get(doc, pointer) instanceof String) {
                mutants.addAll(Mutations.loneSurrogates(doc, pointer));
            }
            if (pointer.lastIndexOf('/') == 0) {
                mutants.add(Mutations.duplicateKey(doc, pointer));
            }
        }
        if (endpoint.typed()) {
            mutants.add(Mutations.huge(doc, firstField, 0.5));
            mutants.addAll(Mutations.wrongTypes(doc, fields));
            for (String pointer : endpoint.identifiers()) {
                mutants.addAll(Mutations.identifierOddities(doc, pointer));
            }
            for (String pointer : endpoint.labels()) {
                mutants.addAll(Mutations.textOddities(doc, pointer));
            }
        }
        return mutants;
    }
}
