package dev.keyway.connections.testing;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A planted credential and the disguises it could leak in: as is, base64 (standard and URL-safe,
 * alone or as HTTP Basic with a user), URL-encoded and JSON-escaped. The random core catches a
 * partial leak of any plain form.
 */
public final class CanaryForms {

    private final String value;
    private final List<String> forms;

    private CanaryForms(String value, List<String> forms) {
        this.value = value;
        this.forms = forms;
    }

    /** A canary with characters that encoders change: quote, slash, plus, ampersand, equals, space. */
    public static CanaryForms plant(String prefix, String... basicUsers) {
        String core = UUID.randomUUID().toString().replace("-", "");
        return of(prefix + core + "/\"q\"+&= x", core, basicUsers);
    }

    /** The forms of a value someone else chose (e.g. a PKCE verifier), {@code core} being its random part. */
    public static CanaryForms of(String value, String core, String... basicUsers) {
        Set<String> forms = new LinkedHashSet<>();
        forms.add(core);
        forms.add(value);
        for (String text : withUsers(value, basicUsers)) {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            forms.add(Base64.getEncoder().encodeToString(bytes));
            forms.add(Base64.getEncoder().withoutPadding().encodeToString(bytes));
            forms.add(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
        }
        forms.add(URLEncoder.encode(value, StandardCharsets.UTF_8));
        forms.add(URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20"));
        forms.add(new String(JsonStringEncoder.getInstance().quoteAsString(value)));
        forms.add(new String(JsonStringEncoder.getInstance().quoteAsString(value)).replace("/", "\\/"));
        return new CanaryForms(value, List.copyOf(forms));
    }

    private static List<String> withUsers(String value, String... users) {
        List<String> texts = new ArrayList<>(List.of(value));
        for (String user : users) {
            texts.add(user + ":" + value);
        }
        return texts;
    }

    public String value() {
        return value;
    }

    /** The forms found in {@code text}; empty when it is clean. */
    public List<String> foundIn(String text) {
        return forms.stream().filter(text::contains).toList();
    }
}
