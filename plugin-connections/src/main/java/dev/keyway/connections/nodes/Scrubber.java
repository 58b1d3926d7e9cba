package dev.keyway.connections.nodes;

import dev.keyway.api.Secret;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Masks credential plaintexts in values a node returns, e.g. an API that echoes the request's
 * Authorization header in its body. The host masks registered secrets too; this keeps the node's
 * outputs clean even on a host that does not. Encoded forms are masked too (base64, base64url,
 * URL-encoded, JSON-escaped): a service may hand a credential back inside a token, a link or a
 * JSON document held in a string. Used by one thread, for one answer.
 */
final class Scrubber {

    /** Shorter values would mask ordinary words; no real credential is this short. */
    private static final int MIN_LENGTH = 4;

    private final List<String> secrets = new ArrayList<>();
    /** Every form is at least as long as its secret: shorter text cannot hold one. */
    private final int shortest;
    /** Longest first, so "Bearer abc" is masked whole before "abc" is; built by the first text long enough. */
    private List<String> forms;

    Scrubber(List<Secret> secrets) {
        int min = Integer.MAX_VALUE;
        for (Secret secret : secrets) {
            if (!secret.isDestroyed() && secret.length() >= MIN_LENGTH) {
                String plaintext = secret.reveal();
                this.secrets.add(plaintext);
                min = Math.min(min, plaintext.length());
            }
        }
        this.shortest = min;
    }

    private List<String> forms() {
        if (forms == null) {
            Set<String> all = new LinkedHashSet<>();
            secrets.forEach(plaintext -> all.addAll(forms(plaintext)));
            List<String> sorted = new ArrayList<>(all);
            sorted.sort((a, b) -> b.length() - a.length());
            forms = sorted;
        }
        return forms;
    }

    /** The plaintext and the encodings under which it could come back; duplicates collapse. */
    private static Set<String> forms(String plaintext) {
        byte[] bytes = plaintext.getBytes(StandardCharsets.UTF_8);
        Set<String> forms = new LinkedHashSet<>();
        forms.add(plaintext);
        // Without padding: the '=' depends on what follows the secret in a longer encoded text.
        forms.add(Base64.getEncoder().withoutPadding().encodeToString(bytes));
        forms.add(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
        forms.add(URLEncoder.encode(plaintext, StandardCharsets.UTF_8));
        forms.add(URLEncoder.encode(plaintext, StandardCharsets.UTF_8).replace("+", "%20"));
        forms.add(plaintext.replace("\\", "\\\\").replace("\"", "\\\"").replace("/", "\\/"));
        forms.add(plaintext.replace("\\", "\\\\").replace("\"", "\\\""));
        return forms;
    }

    Object scrub(Object value) {
        if (secrets.isEmpty()) {
            return value;
        }
        if (value instanceof String text) {
            if (text.length() < shortest) {
                return text;
            }
            for (String form : forms()) {
                text = text.replace(form, Secret.MASK);
            }
            return text;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put((String) scrub(String.valueOf(k)), scrub(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(item -> copy.add(scrub(item)));
            return copy;
        }
        return value;
    }
}
