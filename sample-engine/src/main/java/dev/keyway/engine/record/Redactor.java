package dev.keyway.engine.record;

import dev.keyway.api.Secret;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Masks known secrets in values and text. Immutable: {@link #with} returns a new redactor, so a
 * snapshot can be used from any thread while more secrets are being registered.
 *
 * <p>Each secret is looked for as plaintext and in the encodings it typically leaks through:
 * base64 and base64url (with and without padding), form and percent URL encoding, and JSON string
 * escaping. The variants are computed once per redactor, by the first scrub that could contain
 * one: an execution registers secrets node by node and most of its redactors never scrub. Every
 * variant is at least as long as its plaintext, so text shorter than the shortest plaintext is
 * checked only against whole values. Secrets shorter than {@link #MIN_SUBSTRING_LENGTH} are masked
 * only where a whole value equals them, since masking every occurrence of, say, "ab" would shred
 * the record.
 */
public final class Redactor {

    public static final int MIN_SUBSTRING_LENGTH = 4;
    private static final Redactor EMPTY = new Redactor(List.of(), Set.of(), Integer.MAX_VALUE);
    private static final char[] UPPER_HEX = "0123456789ABCDEF".toCharArray();
    private static final char[] LOWER_HEX = "0123456789abcdef".toCharArray();

    /** Plaintexts masked wherever they occur (at least {@link #MIN_SUBSTRING_LENGTH} long). */
    private final List<String> plaintexts;
    private final Set<String> wholeValues;
    private final int shortest;
    /** Longest first, so where variants overlap the longer match decides; null until first needed. */
    private volatile List<String> variants;

    /** Both collections are owned by the new redactor and never changed after. */
    private Redactor(List<String> plaintexts, Set<String> wholeValues, int shortest) {
        this.plaintexts = plaintexts;
        this.wholeValues = wholeValues;
        this.shortest = shortest;
    }

    public static Redactor empty() {
        return EMPTY;
    }

    /** A redactor that also masks {@code plaintext}. */
    public Redactor with(String plaintext) {
        if (plaintext == null || plaintext.isEmpty() || wholeValues.contains(plaintext)) {
            return this;
        }
        Set<String> whole = new HashSet<>(wholeValues);
        whole.add(plaintext);
        if (plaintext.length() < MIN_SUBSTRING_LENGTH) {
            return new Redactor(plaintexts, whole, shortest);
        }
        List<String> longer = new ArrayList<>(plaintexts.size() + 1);
        longer.addAll(plaintexts);
        longer.add(plaintext);
        return new Redactor(longer, whole, Math.min(shortest, plaintext.length()));
    }

    public boolean isEmpty() {
        return wholeValues.isEmpty();
    }

    private List<String> variants() {
        List<String> known = variants;
        if (known == null) {
            // Two threads may both compute it; they get equal lists, so the race is harmless.
            Set<String> all = new LinkedHashSet<>();
            plaintexts.forEach(plaintext -> all.addAll(variantsOf(plaintext)));
            List<String> sorted = new ArrayList<>(all);
            sorted.sort(Comparator.comparingInt(String::length).reversed());
            known = List.copyOf(sorted);
            variants = known;
        }
        return known;
    }

    /** The forms of {@code plaintext} that are masked. */
    static Collection<String> variantsOf(String plaintext) {
        byte[] utf8 = plaintext.getBytes(StandardCharsets.UTF_8);
        Set<String> forms = new LinkedHashSet<>();
        forms.add(plaintext);
        forms.add(Base64.getEncoder().encodeToString(utf8));
        forms.add(Base64.getEncoder().withoutPadding().encodeToString(utf8));
        forms.add(Base64.getUrlEncoder().encodeToString(utf8));
        forms.add(Base64.getUrlEncoder().withoutPadding().encodeToString(utf8));
        forms.add(URLEncoder.encode(plaintext, StandardCharsets.UTF_8));
        forms.add(percentEncode(utf8, UPPER_HEX));
        forms.add(percentEncode(utf8, LOWER_HEX));
        for (boolean slash : new boolean[] {false, true}) {
            for (boolean nonAscii : new boolean[] {false, true}) {
                for (boolean upperHex : new boolean[] {false, true}) {
                    forms.add(JsonEscapes.escape(plaintext, slash, nonAscii, upperHex));
                }
            }
        }
        forms.removeIf(String::isEmpty);
        return forms;
    }

    /** RFC 3986: everything but unreserved characters is escaped, spaces as %20. */
    private static String percentEncode(byte[] utf8, char[] hex) {
        StringBuilder out = new StringBuilder(utf8.length * 3);
        for (byte b : utf8) {
            int c = b & 0xff;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(hex[c >> 4]).append(hex[c & 0xf]);
            }
        }
        return out.toString();
    }

    /** {@code text} with every known secret form replaced by {@link Secret#MASK}. */
    public String scrub(String text) {
        if (text == null || text.isEmpty() || wholeValues.isEmpty()) {
            return text;
        }
        if (wholeValues.contains(text)) {
            return Secret.MASK;
        }
        if (text.length() < shortest) {
            return text;
        }
        List<int[]> ranges = null;
        for (String variant : variants()) {
            for (int at = text.indexOf(variant); at >= 0; at = text.indexOf(variant, at + 1)) {
                if (ranges == null) {
                    ranges = new ArrayList<>();
                }
                ranges.add(new int[] {at, at + variant.length()});
            }
        }
        return ranges == null ? text : mask(text, ranges);
    }

    private static String mask(String text, List<int[]> ranges) {
        ranges.sort(Comparator.comparingInt((int[] r) -> r[0]));
        StringBuilder out = new StringBuilder(text.length());
        int copied = 0;
        int end = -1;
        for (int[] range : ranges) {
            if (range[0] > end) {
                // A new masked stretch; overlapping matches merge into one mask.
                out.append(text, copied, range[0]).append(Secret.MASK);
                end = range[1];
            } else {
                end = Math.max(end, range[1]);
            }
            copied = Math.max(copied, end);
        }
        out.append(text, copied, text.length());
        return out.toString();
    }

    /**
     * A redacted deep copy of a value: secrets become {@link Secret#MASK}, strings and map keys
     * are scrubbed, anything that is not a JSON-like JDK value becomes its scrubbed string form.
     */
    public Object redact(Object value) {
        if (value == null || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Secret) {
            return Secret.MASK;
        }
        if (value instanceof String text) {
            return scrub(text);
        }
        if (value instanceof Number number) {
            String text = number.toString();
            return text.equals(scrub(text)) ? number : Secret.MASK;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((key, item) -> copy.put(scrub(String.valueOf(key)), redact(item)));
            return copy;
        }
        if (value instanceof Collection<?> items) {
            List<Object> copy = new ArrayList<>(items.size());
            items.forEach(item -> copy.add(redact(item)));
            return copy;
        }
        return scrub(String.valueOf(value));
    }

    /** {@link #redact} for a map, keeping null as null. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> redactMap(Map<String, ?> map) {
        return map == null ? null : (Map<String, Object>) redact(map);
    }
}
