package dev.keyway.connections.providers;

import dev.keyway.api.Secret;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BinaryOperator;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A text with {@code {name}} placeholders, e.g. {@code "Bearer {token}"} or
 * {@code "{email}/token"}; {@code {base64(user:pass)}} joins named values with ':' and encodes
 * them. Filling is a single pass: a value that itself contains braces is never re-read as a
 * template, so a credential cannot smuggle in a placeholder.
 */
public final class Template {

    private static final String NAME = "[A-Za-z][A-Za-z0-9_.-]*";
    private static final Pattern PLACEHOLDER =
            Pattern.compile("\\{(?:(" + NAME + ")|base64\\((" + NAME + "(?::" + NAME + ")*)\\))}");

    private sealed interface Part permits Literal, Slot {
    }

    private record Literal(String text) implements Part {
    }

    /** One placeholder; more than one name only inside base64(...). */
    private record Slot(List<String> names, boolean base64) implements Part {
    }

    private final String source;
    private final List<Part> parts;

    private Template(String source, List<Part> parts) {
        this.source = source;
        this.parts = List.copyOf(parts);
    }

    /**
     * Parses a template.
     *
     * @throws IllegalArgumentException naming the offset of a brace that opens no valid placeholder
     */
    public static Template parse(String text) {
        if (text.indexOf('{') < 0 && text.indexOf('}') < 0) {
            // Most base URLs and header names: nothing to match, so no regex run per request.
            return new Template(text, text.isEmpty() ? List.of() : List.of(new Literal(text)));
        }
        List<Part> parts = new ArrayList<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        int at = 0;
        while (matcher.find()) {
            addLiteral(parts, text, at, matcher.start());
            if (matcher.group(1) != null) {
                parts.add(new Slot(List.of(matcher.group(1)), false));
            } else {
                parts.add(new Slot(List.of(matcher.group(2).split(":")), true));
            }
            at = matcher.end();
        }
        addLiteral(parts, text, at, text.length());
        return new Template(text, parts);
    }

    private static void addLiteral(List<Part> parts, String text, int from, int to) {
        String literal = text.substring(from, to);
        int brace = indexOfBrace(literal);
        if (brace >= 0) {
            throw new IllegalArgumentException("'" + literal.charAt(brace) + "' at offset " + (from + brace)
                    + " does not start a placeholder; write {name} or {base64(a:b)}");
        }
        if (!literal.isEmpty()) {
            parts.add(new Literal(literal));
        }
    }

    private static int indexOfBrace(String literal) {
        int open = literal.indexOf('{');
        int close = literal.indexOf('}');
        if (open < 0) {
            return close;
        }
        return close < 0 ? open : Math.min(open, close);
    }

    /** Every name the template refers to, in order of first use. */
    public Set<String> names() {
        Set<String> names = new LinkedHashSet<>();
        for (Part part : parts) {
            if (part instanceof Slot slot) {
                names.addAll(slot.names());
            }
        }
        return names;
    }

    public boolean isConstant() {
        return names().isEmpty();
    }

    public String source() {
        return source;
    }

    /** Fills the template without escaping. See {@link #render(Function, BinaryOperator)}. */
    public Object render(Function<String, Object> values) {
        return render(values, (name, value) -> value);
    }

    /**
     * Fills the template.
     *
     * @param values  the value of a name: a String, a {@link Secret}, a number or boolean; null when unknown
     * @param escaper applied to each filled value as {@code (name, text)}, e.g. URL encoding
     * @return a {@link Secret} when any value used was a secret, else a String
     * @throws MissingValueException when a name has no value
     */
    public Object render(Function<String, Object> values, BinaryOperator<String> escaper) {
        StringBuilder out = new StringBuilder();
        boolean secret = false;
        for (Part part : parts) {
            if (part instanceof Literal literal) {
                out.append(literal.text());
                continue;
            }
            Slot slot = (Slot) part;
            List<String> pieces = new ArrayList<>();
            for (String name : slot.names()) {
                Object value = values.apply(name);
                if (value == null) {
                    throw new MissingValueException(name);
                }
                secret |= value instanceof Secret;
                pieces.add(plain(name, value));
            }
            String joined = String.join(":", pieces);
            String filled = slot.base64()
                    ? Base64.getEncoder().encodeToString(joined.getBytes(StandardCharsets.UTF_8))
                    : joined;
            out.append(escaper.apply(slot.names().get(0), filled));
        }
        return secret ? Secret.of(out.toString()) : out.toString();
    }

    private static String plain(String name, Object value) {
        if (value instanceof Secret secret) {
            return secret.reveal();
        }
        if (value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        throw new IllegalArgumentException("'" + name + "' is an object or list; a template needs text");
    }

    @Override
    public String toString() {
        return source;
    }

    /** A template referred to a name that has no value. The message names it, never a value. */
    public static final class MissingValueException extends IllegalArgumentException {

        private static final long serialVersionUID = 1L;

        private final String name;

        MissingValueException(String name) {
            super("no value for '{" + name + "}'");
            this.name = name;
        }

        public String name() {
            return name;
        }
    }
}
