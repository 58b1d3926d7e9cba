package dev.keyway.engine.it;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Ways to break a valid JSON document, each returning labelled {@link Mutant}s. Structural edits
 * work on the parsed document; what no JSON writer produces (cut-off text, duplicate keys, lone
 * surrogate escapes) is spliced into the written text through marker strings.
 */
final class Mutations {

    static final int DEEP = 10_000;

    private static final String MARK = "@@corpus-mark@@";

    private Mutations() {
    }

    /** The text cut at {@code count} offsets spread over it, never past its last significant character. */
    static List<Mutant> truncations(String text, int count, boolean keepEmpty) {
        int end = text.stripTrailing().length();
        List<Mutant> mutants = new ArrayList<>();
        int last = -1;
        for (int i = 0; i < count; i++) {
            int offset = (int) ((long) i * end / count);
            if (offset != last && (offset > 0 || keepEmpty)) {
                mutants.add(new Mutant("truncated", "cut at offset " + offset + " of " + end, text.substring(0, offset)));
            }
            last = offset;
        }
        return mutants;
    }

    /** Each value at {@code pointers} replaced by values of every other JSON type. */
    static List<Mutant> wrongTypes(Object doc, List<String> pointers) {
        List<Mutant> mutants = new ArrayList<>();
        for (String pointer : pointers) {
            for (Object wrong : wrongValuesFor(JsonDocs.get(doc, pointer))) {
                mutants.add(new Mutant("wrong-type", pointer + " = " + JsonDocs.write(wrong).replaceAll("\\s+", ""),
                        JsonDocs.write(JsonDocs.with(doc, pointer, wrong))));
            }
        }
        return mutants;
    }

    /** The value at {@code pointer} nested {@value #DEEP} levels deep, as arrays, as objects and unclosed; and the whole document wrapped. */
    static List<Mutant> deepNesting(Object doc, String pointer) {
        String arrays = "[".repeat(DEEP) + "1" + "]".repeat(DEEP);
        String objects = "{\"a\":".repeat(DEEP) + "1" + "}".repeat(DEEP);
        String text = JsonDocs.write(doc);
        return List.of(
                spliced("deep", pointer + " in " + DEEP + " arrays", doc, pointer, arrays),
                spliced("deep", pointer + " in " + DEEP + " objects", doc, pointer, objects),
                spliced("deep", pointer + " in " + DEEP + " unclosed arrays", doc, pointer, "[".repeat(DEEP)),
                new Mutant("deep", "the document in " + DEEP + " arrays", "[".repeat(DEEP) + text + "]".repeat(DEEP)));
    }

    /** The string at {@code pointer} replaced by {@code megabytes} MB of letters. */
    static Mutant huge(Object doc, String pointer, double megabytes) {
        int length = (int) (megabytes * (1 << 20));
        return new Mutant("huge", pointer + " of " + megabytes + " MB",
                JsonDocs.write(JsonDocs.with(doc, pointer, "x".repeat(length))));
    }

    /** A lone surrogate (written as the escape {@code \ud800}) inside the string at {@code pointer}: not Unicode text. */
    static List<Mutant> loneSurrogates(Object doc, String pointer) {
        String original = String.valueOf(JsonDocs.get(doc, pointer));
        return List.of(
                spliced("unicode", pointer + " with a lone high surrogate", doc, pointer, quoted(original + "\\ud800")),
                spliced("unicode", pointer + " with a lone low surrogate", doc, pointer, quoted("\\udfff" + original)),
                spliced("unicode", pointer + " with a reversed surrogate pair", doc, pointer,
                        quoted(original + "\\udc00\\ud83d")));
    }

    /** Characters an identifier must not hold: emoji, NUL, a right-to-left mark and override, a zero-width space. */
    static List<Mutant> identifierOddities(Object doc, String pointer) {
        String original = String.valueOf(JsonDocs.get(doc, pointer));
        List<Mutant> mutants = new ArrayList<>();
        String[][] oddities = {{"emoji", "\\ud83d\\udd11"}, {"NUL", "\\u0000"}, {"right-to-left mark", "\\u200f"},
                {"right-to-left override", "\\u202e"}, {"zero-width space", "\\u200b"}};
        for (String[] odd : oddities) {
            int middle = original.length() / 2;
            mutants.add(spliced("unicode", pointer + " with " + odd[0], doc, pointer,
                    quoted(escaped(original.substring(0, middle)) + odd[1] + escaped(original.substring(middle)))));
        }
        return mutants;
    }

    /** Characters no one-line display text should hold: NUL, other controls, a right-to-left override. */
    static List<Mutant> textOddities(Object doc, String pointer) {
        String original = escaped(String.valueOf(JsonDocs.get(doc, pointer)));
        return List.of(
                spliced("unicode", pointer + " with NUL", doc, pointer, quoted(original + "\\u0000")),
                spliced("unicode", pointer + " with an escape sequence", doc, pointer, quoted("\\u001b[31m" + original)),
                spliced("unicode", pointer + " with a right-to-left override", doc, pointer, quoted("\\u202e" + original)));
    }

    /** The member at {@code pointer} written twice in its object. */
    static Mutant duplicateKey(Object doc, String pointer) {
        String key = JsonDocs.lastToken(pointer);
        String value = JsonDocs.write(JsonDocs.get(doc, pointer));
        return spliced("duplicate-key", pointer + " twice", doc, pointer, value + ",\n\"" + key + "\" : " + value);
    }

    /** Whole documents of the wrong kind. */
    static List<Mutant> notObjects() {
        List<Mutant> mutants = new ArrayList<>();
        for (String text : List.of("[]", "[{}]", "42", "-0.5e10", "null", "true", "\"a string\"", "{}")) {
            mutants.add(new Mutant("not-an-object", text, text));
        }
        return mutants;
    }

    private static List<Object> wrongValuesFor(Object value) {
        if (value instanceof String) {
            return List.of(42, true, List.of(), Map.of());
        } else if (value instanceof Number) {
            return List.of("7", true, List.of("x"));
        } else if (value instanceof Boolean) {
            return List.of("yes", 1);
        } else if (value instanceof List) {
            return List.of("text", 42, Map.of());
        } else if (value instanceof Map) {
            return List.of("text", 42, List.of());
        }
        return List.of("text", Map.of());
    }

    /** The document with {@code rawJson} written, unchecked, as the value at {@code pointer}. */
    private static Mutant spliced(String family, String label, Object doc, String pointer, String rawJson) {
        String text = JsonDocs.write(JsonDocs.with(doc, pointer, MARK));
        return new Mutant(family, label, text.replace("\"" + MARK + "\"", rawJson));
    }

    private static String quoted(String escapedText) {
        return "\"" + escapedText + "\"";
    }

    private static String escaped(String text) {
        String json = JsonDocs.write(text);
        return json.substring(1, json.length() - 1);
    }
}
