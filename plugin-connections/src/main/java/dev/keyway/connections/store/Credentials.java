package dev.keyway.connections.store;

import dev.keyway.api.Secret;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The secret part of a connection: named fields (one api key; user-email/api-token/base-url;
 * access-token/refresh-token) and, for tokens, when they expire. The expiry is not secret and is
 * stored in the clear so refreshes can be scheduled without decrypting.
 *
 * <p>Close (or {@link #destroy()}) it once used: that wipes the secrets' plaintext.
 *
 * @param fields    field name to value, at least one
 * @param expiresAt when the tokens expire, or null
 */
public record Credentials(Map<String, Secret> fields, Instant expiresAt) implements AutoCloseable {


    public Credentials {
        if (fields == null || fields.isEmpty()) {
            throw new InvalidRequestException("credentials need at least one field (e.g. api-key)");
        }
        Map<String, Secret> copy = new TreeMap<>();
        fields.forEach((name, value) -> {
            if (!isFieldName(name)) {
                throw new InvalidRequestException("credential field name '%s' is invalid; use letters, digits, "
                        + "'-', '_' or '.', at most 100 characters", name);
            }
            if (value == null) {
                throw new InvalidRequestException("credential field '%s' has no value", name);
            }
            copy.put(name, value);
        });
        fields = Collections.unmodifiableMap(copy);
    }

    /** Letters, digits, '-', '_' or '.', not first; at most 100. A loop, not a regex: this runs on every resolve. */
    private static boolean isFieldName(String name) {
        if (name == null || name.isEmpty() || name.length() > 100) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            if (!alnum && (i == 0 || (c != '-' && c != '_' && c != '.'))) {
                return false;
            }
        }
        return true;
    }

    /** One field and no expiry. */
    public static Credentials of(String field, Secret value) {
        return new Credentials(Map.of(field, value), null);
    }

    /** Several fields and no expiry. */
    public static Credentials of(Map<String, Secret> fields) {
        return new Credentials(fields, null);
    }

    public Optional<Secret> field(String name) {
        return Optional.ofNullable(fields.get(name));
    }

    /** Wipes every field's plaintext. */
    public void destroy() {
        fields.values().forEach(Secret::destroy);
    }

    @Override
    public void close() {
        destroy();
    }

    @Override
    public String toString() {
        return "Credentials" + fields.keySet() + (expiresAt == null ? "" : " expiring " + expiresAt);
    }
}
