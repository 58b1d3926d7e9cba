package dev.keyway.connections.http;

import java.util.Objects;

/**
 * The result of a connection test.
 *
 * @param verdict    passed, failed, or not tested (the provider defines no test request)
 * @param httpStatus the status the provider answered, or 0 when no answer came
 * @param message    one sentence for people; never credential material
 */
public record TestOutcome(Verdict verdict, int httpStatus, String message) {

    /** How a test ended. */
    public enum Verdict { PASSED, FAILED, NOT_TESTED }

    public TestOutcome {
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(message, "message");
    }

    public boolean passed() {
        return verdict == Verdict.PASSED;
    }
}
