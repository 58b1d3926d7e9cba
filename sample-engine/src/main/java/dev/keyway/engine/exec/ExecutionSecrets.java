package dev.keyway.engine.exec;

import dev.keyway.api.Secret;
import dev.keyway.engine.record.Redactor;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The secrets seen in one execution: the redactor that masks them and the objects to destroy at
 * the end. Thread-safe; registration is rare, reads of {@link #redactor()} are lock-free.
 */
final class ExecutionSecrets {

    // Identity, not equals: two equal secrets are still two objects to destroy.
    private final Set<Secret> secrets = Collections.newSetFromMap(new IdentityHashMap<>());
    private volatile Redactor redactor = Redactor.empty();

    synchronized Secret register(Secret secret) {
        if (secret != null && !secret.isDestroyed() && secrets.add(secret)) {
            redactor = redactor.with(secret.reveal());
        }
        return secret;
    }

    /** Masks a plaintext that is not wrapped (a string given to a field marked sensitive). */
    synchronized void registerPlaintext(String plaintext) {
        redactor = redactor.with(plaintext);
    }

    /** Registers every secret nested in {@code value}. */
    void collect(Object value) {
        if (value instanceof Secret secret) {
            register(secret);
        } else if (value instanceof Map<?, ?> map) {
            map.forEach((key, item) -> {
                collect(key);
                collect(item);
            });
        } else if (value instanceof Collection<?> items) {
            items.forEach(this::collect);
        }
    }

    Redactor redactor() {
        return redactor;
    }

    /** Overwrites every registered secret; call only once the record is redacted. */
    synchronized void destroyAll() {
        secrets.forEach(Secret::destroy);
    }
}
