package dev.keyway.engine.testing;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.net.URLEncoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A planted value and every disguise it could leak in, each as the ISO-8859-1 text of its bytes
 * (so a corpus of raw bytes is searched the same way). Reports name the canary by its label and the
 * disguise by its form, never by the value.
 *
 * @param label     what the value is, for reports
 * @param disguises form name to the bytes that would betray the value
 */
public record Canary(String label, Map<String, String> disguises) {

    /** Characters that base64, URL and JSON encoders each treat differently, between random parts. */
    private static final String ENCODER_BAIT = "/+&= ";
    private static final SecureRandom RANDOM = new SecureRandom();

    public Canary {
        disguises = Map.copyOf(disguises);
    }

    /** A fresh random value: {@code prefix}, 32 random hex digits, the encoder bait, 8 more digits. */
    public static String plant(String prefix) {
        return prefix + random(16) + ENCODER_BAIT + random(4);
    }

    /** A single secret value: plain, its random core alone, and every encoding of it. */
    public static Canary secret(String label, String value) {
        Map<String, String> forms = new LinkedHashMap<>();
        forms.put("plain", value);
        int bait = value.indexOf(ENCODER_BAIT);
        if (bait > 0) {
            // A truncated or partly masked value still gives its random core away.
            forms.put("random core", value.substring(Math.max(0, bait - 32), bait));
        }
        base64Forms(forms, value);
        String form = URLEncoder.encode(value, StandardCharsets.UTF_8);
        forms.put("url-encoded (form)", form);
        forms.put("url-encoded (%20)", form.replace("+", "%20"));
        forms.put("url-encoded (form, lower hex)", lowerHexEscapes(form, '%'));
        forms.put("url-encoded (%20, lower hex)", lowerHexEscapes(form.replace("+", "%20"), '%'));
        String json = new String(JsonStringEncoder.getInstance().quoteAsString(value));
        forms.put("json-escaped", json);
        forms.put("json-escaped (\\/)", json.replace("/", "\\/"));
        forms.put("json-escaped (\\u00XX)", unicodeEscapes(value, "\\u%04X"));
        forms.put("json-escaped (\\u00xx)", unicodeEscapes(value, "\\u%04x"));
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        forms.put("hex", HexFormat.of().formatHex(utf8));
        forms.put("HEX", HexFormat.of().withUpperCase().formatHex(utf8));
        forms.put("utf-16le", bytes(value, StandardCharsets.UTF_16LE));
        forms.put("utf-16be", bytes(value, StandardCharsets.UTF_16BE));
        return new Canary(label, distinct(forms));
    }

    /** Key material: its raw bytes, hex, and base64 (the text a key file or KEYWAY_MASTER_KEY holds). */
    public static Canary key(String label, byte[] raw) {
        Map<String, String> forms = new LinkedHashMap<>();
        forms.put("raw bytes", new String(raw, StandardCharsets.ISO_8859_1));
        forms.put("hex", HexFormat.of().formatHex(raw));
        forms.put("HEX", HexFormat.of().withUpperCase().formatHex(raw));
        forms.put("base64", Base64.getEncoder().withoutPadding().encodeToString(raw));
        forms.put("base64url", Base64.getUrlEncoder().withoutPadding().encodeToString(raw));
        return new Canary(label, distinct(forms));
    }

    /** The {@code user:password} text of HTTP Basic, plain and base64 at every alignment. */
    public static Canary basic(String label, String user, String password) {
        Map<String, String> forms = new LinkedHashMap<>();
        forms.put("user:password", user + ":" + password);
        base64Forms(forms, user + ":" + password);
        return new Canary(label, distinct(forms));
    }

    /**
     * Base64 and base64url, padded and not, and the part of the encoding that stays the same
     * wherever the value sits in a longer encoded text (each of the three byte alignments; the
     * first and last four characters depend on the neighbouring bytes and are left out).
     */
    private static void base64Forms(Map<String, String> forms, String value) {
        Map<String, Base64.Encoder> encoders = new LinkedHashMap<>();
        encoders.put("base64", Base64.getEncoder());
        encoders.put("base64url", Base64.getUrlEncoder());
        encoders.forEach((name, encoder) -> {
            String whole = encoder.encodeToString(value.getBytes(StandardCharsets.UTF_8));
            forms.put(name + " (padded)", whole);
            forms.put(name + " (unpadded)", whole.replace("=", ""));
            for (int shift = 0; shift < 3; shift++) {
                String shifted = encoder.encodeToString(("x".repeat(shift) + value).getBytes(StandardCharsets.UTF_8));
                forms.put(name + " (inside a longer text, alignment " + shift + ")",
                        shifted.substring(shift == 0 ? 0 : 4, shifted.length() - 4));
            }
        });
    }

    private static String lowerHexEscapes(String text, char escape) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            boolean inEscape = i >= 1 && text.charAt(i - 1) == escape || i >= 2 && text.charAt(i - 2) == escape;
            out.append(inEscape ? Character.toLowerCase(text.charAt(i)) : text.charAt(i));
        }
        return out.toString();
    }

    /** Every character but letters and digits as a JSON unicode escape, as some encoders write them. */
    private static String unicodeEscapes(String value, String format) {
        StringBuilder out = new StringBuilder();
        value.chars().forEach(c -> out.append(Character.isLetterOrDigit(c) ? String.valueOf((char) c)
                : String.format(Locale.ROOT, format, c)));
        return out.toString();
    }

    private static String bytes(String value, Charset charset) {
        return new String(value.getBytes(charset), StandardCharsets.ISO_8859_1);
    }

    /** Forms that came out identical are searched once, under the first name. */
    private static Map<String, String> distinct(Map<String, String> forms) {
        Map<String, String> unique = new LinkedHashMap<>();
        forms.forEach((name, text) -> {
            if (!unique.containsValue(text)) {
                unique.put(name, text);
            }
        });
        return unique;
    }

    private static String random(int bytes) {
        byte[] raw = new byte[bytes];
        RANDOM.nextBytes(raw);
        return HexFormat.of().formatHex(raw);
    }
}
