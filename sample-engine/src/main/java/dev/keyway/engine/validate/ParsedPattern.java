package dev.keyway.engine.validate;

import dev.keyway.engine.pattern.Pattern;
import java.util.Map;

/**
 * A pattern read from source, with where each node was written. It may still be invalid: the
 * reader keeps whatever could be read so that validation can report everything at once.
 *
 * @param pattern      what could be read (nodes without a usable id or type are left out)
 * @param nodePointers node id to its JSON Pointer, e.g. {@code /nodes/2}
 */
record ParsedPattern(Pattern pattern, Map<String, String> nodePointers) {
}
