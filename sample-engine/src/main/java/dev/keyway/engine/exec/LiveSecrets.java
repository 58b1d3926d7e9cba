package dev.keyway.engine.exec;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The secrets of every execution in flight in this JVM, for masking text written outside an
 * execution's own record, such as log lines from plugins and libraries. Adding and removing an
 * execution is one set operation, so the hot path pays almost nothing; the scan cost falls on
 * the (rare) log line.
 */
public final class LiveSecrets {

    private static final Set<ExecutionSecrets> ACTIVE = ConcurrentHashMap.newKeySet();

    private LiveSecrets() {
    }

    static void add(ExecutionSecrets secrets) {
        ACTIVE.add(secrets);
    }

    static void remove(ExecutionSecrets secrets) {
        ACTIVE.remove(secrets);
    }

    /** {@code text} with every known secret of every running execution masked. */
    public static String scrub(String text) {
        String result = text;
        for (ExecutionSecrets secrets : ACTIVE) {
            result = secrets.redactor().scrub(result);
        }
        return result;
    }
}
