package dev.keyway.engine.validate;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.keyway.engine.json.JsonPointers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses JSON text into {@link SourceValue}s with line and column of every key and value.
 * Duplicate keys are reported (Jackson's own check would stop at the first one).
 */
public final class SourceParser {

    /** The result: {@code root} is null when the text is not JSON (then one problem says where). */
    public record Result(SourceValue root, List<Problem> problems) {
    }

    private static final JsonFactory FACTORY = new JsonFactory();

    private SourceParser() {
    }

    public static Result parse(String text) {
        List<Problem> problems = new ArrayList<>();
        if (text == null || text.isBlank()) {
            problems.add(new Problem("", "The file is empty; a pattern is one JSON object with "
                    + "\"id\", \"name\" and \"nodes\".", 1, 1));
            return new Result(null, problems);
        }
        try (JsonParser parser = FACTORY.createParser(text)) {
            parser.nextToken();
            SourceValue root = read(parser, "", problems);
            if (parser.nextToken() != null) {
                Position at = position(parser.currentTokenLocation());
                problems.add(new Problem("", "There is more content after the end of the JSON document; "
                        + "a pattern file holds exactly one object, so remove what follows it.", at.line(), at.column()));
            }
            return new Result(root, problems);
        } catch (JsonProcessingException e) {
            Position at = position(e.getLocation());
            String reason = firstLine(e.getOriginalMessage());
            return new Result(null, List.of(new Problem("", "The file is not valid JSON at line " + at.line()
                    + ", column " + at.column() + ": " + reason + ". Fix the syntax first; the other checks run "
                    + "once the file parses.", at.line(), at.column())));
        } catch (IOException e) {
            throw new UncheckedIOException("reading JSON from a string cannot fail", e);
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
                return new SourceValue.Scalar(parser.getText(), at);
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
            String name = parser.currentName();
            Position keyAt = position(parser.currentTokenLocation());
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
