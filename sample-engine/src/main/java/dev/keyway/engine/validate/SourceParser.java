package dev.keyway.engine.validate;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import dev.keyway.api.support.VisibleText;
import dev.keyway.engine.json.JsonPointers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses JSON text into {@link SourceValue}s with line and column of every key and value.
 * Duplicate keys are reported (Jackson's own check would stop at the first one), and so are texts
 * no pattern should hold: longer than {@value #MAX_TEXT} characters, or with half of a surrogate pair.
 */
public final class SourceParser {

    /** The result: {@code root} is null when the text is not JSON (then one problem says where). */
    public record Result(SourceValue root, List<Problem> problems) {
    }

    /** Longest key or string in a pattern: ample for a URL template or a message, far below a data dump. */
    static final int MAX_TEXT = 10_000;
    /** Deepest nesting of arrays and objects; a pattern needs a handful of levels. */
    static final int MAX_DEPTH = 200;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build()).build();
    /** What stands in for a refused text, so later checks and their messages stay small. */
    private static final int KEPT_OF_A_LONG_TEXT = 40;

    private SourceParser() {
    }

    public static Result parse(String text) {
        List<Problem> problems = new ArrayList<>();
        if (text == null || text.isBlank()) {
            problems.add(new Problem("", "The file is empty; a pattern is one JSON object with "
                    + "\"id\", \"name\" and \"nodes\".", 1, 1));
            return new Result(null, problems);
        }
        JsonParser parser = null;
        // Closed only at the end: a closed parser no longer knows where it stopped, which a broken limit needs.
        try {
            parser = FACTORY.createParser(text);
            parser.nextToken();
            SourceValue root = read(parser, "", problems);
            if (parser.nextToken() != null) {
                Position at = position(parser.currentTokenLocation());
                problems.add(new Problem("", "There is more content after the end of the JSON document; "
                        + "a pattern file holds exactly one object, so remove what follows it.", at.line(), at.column()));
            }
            return new Result(root, problems);
        } catch (StreamConstraintsException e) {
            // Jackson gives no location for a broken limit; where the parser stopped is where it broke.
            Position at = position(parser.currentLocation());
            return new Result(null, List.of(new Problem("", "The file nests arrays and objects more than " + MAX_DEPTH
                    + " levels deep at line " + at.line() + ", column " + at.column() + "; a pattern needs only a few "
                    + "levels, so flatten what is there or pass deep data in the trigger payload.", at.line(), at.column())));
        } catch (JsonProcessingException e) {
            Position at = position(e.getLocation());
            String reason = firstLine(e.getOriginalMessage());
            return new Result(null, List.of(new Problem("", "The file is not valid JSON at line " + at.line()
                    + ", column " + at.column() + ": " + reason + ". Fix the syntax first; the other checks run "
                    + "once the file parses.", at.line(), at.column())));
        } catch (IOException e) {
            throw new UncheckedIOException("reading JSON from a string cannot fail", e);
        } finally {
            closeQuietly(parser);
        }
    }

    private static void closeQuietly(JsonParser parser) {
        if (parser == null) {
            return;
        }
        try {
            parser.close();
        } catch (IOException ignored) {
            // a parser over a string holds nothing that could fail to close
        }
    }

    private static SourceValue read(JsonParser parser, String pointer, List<Problem> problems) throws IOException {
        Position at = position(parser.currentTokenLocation());
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT:
                return readObject(parser, pointer, at, problems);
            case START_ARRAY:
                List<SourceValue> items = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    items.add(read(parser, JsonPointers.append(pointer, items.size()), problems));
                }
                return new SourceValue.Arr(List.copyOf(items), at);
            case VALUE_STRING:
                return new SourceValue.Scalar(checkedText(parser.getText(), pointer, at, problems), at);
            case VALUE_NUMBER_INT:
                return new SourceValue.Scalar(parser.getNumberValue(), at);
            case VALUE_NUMBER_FLOAT:
                return new SourceValue.Scalar(parser.getDoubleValue(), at);
            case VALUE_TRUE:
                return new SourceValue.Scalar(Boolean.TRUE, at);
            case VALUE_FALSE:
                return new SourceValue.Scalar(Boolean.FALSE, at);
            case VALUE_NULL:
                return new SourceValue.Scalar(null, at);
            default:
                throw new IllegalStateException("unexpected JSON token " + token);
        }
    }

    private static SourceValue readObject(JsonParser parser, String pointer, Position at, List<Problem> problems)
            throws IOException {
        Map<String, SourceValue.Member> members = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            Position keyAt = position(parser.currentTokenLocation());
            String name = checkedText(parser.currentName(), JsonPointers.append(pointer, parser.currentName()), keyAt, problems);
            parser.nextToken();
            String memberPointer = JsonPointers.append(pointer, name);
            SourceValue value = read(parser, memberPointer, problems);
            SourceValue.Member first = members.get(name);
            if (first == null) {
                members.put(name, new SourceValue.Member(name, keyAt, value));
            } else {
                problems.add(new Problem(memberPointer, "The key '" + name + "' appears twice in this object (first at line "
                        + first.position().line() + "); keep only one.", keyAt.line(), keyAt.column()));
            }
        }
        return new SourceValue.Obj(java.util.Collections.unmodifiableMap(members), at);
    }

    /** The text, or for one that is too long or not Unicode, a problem and a short stand-in. */
    private static String checkedText(String text, String pointer, Position at, List<Problem> problems) {
        if (text.length() > MAX_TEXT) {
            problems.add(new Problem(shortened(pointer), "This text is " + text.length() + " characters long; a pattern holds "
                    + "at most " + MAX_TEXT + " in one string. Keep large data out of the pattern, e.g. in the trigger "
                    + "payload.", at.line(), at.column()));
            return text.substring(0, KEPT_OF_A_LONG_TEXT) + "...";
        }
        if (VisibleText.unpairedSurrogate(text) >= 0) {
            problems.add(new Problem(VisibleText.escaped(pointer), "This text holds half of a surrogate pair (an escape like \\ud800 without "
                    + "its partner), which is not Unicode text; write the whole character or remove it.", at.line(),
                    at.column()));
            return VisibleText.escaped(text);
        }
        return text;
    }

    /** A pointer whose last token is cut short, for a key too long to repeat. */
    private static String shortened(String pointer) {
        int last = pointer.lastIndexOf('/');
        String token = pointer.substring(last + 1);
        return token.length() > MAX_TEXT ? pointer.substring(0, last + 1) + token.substring(0, KEPT_OF_A_LONG_TEXT) + "..."
                : pointer;
    }

    private static Position position(JsonLocation location) {
        if (location == null) {
            return Position.UNKNOWN;
        }
        return new Position(Math.max(0, location.getLineNr()), Math.max(0, location.getColumnNr()));
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unexpected input";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
