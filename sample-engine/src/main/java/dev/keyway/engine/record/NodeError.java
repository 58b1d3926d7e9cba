package dev.keyway.engine.record;

/**
 * Why a node failed.
 *
 * @param code    machine-readable, e.g. {@code timeout}, {@code missing_input}, {@code internal_error}
 * @param message a sentence for people, already redacted
 */
public record NodeError(String code, String message) {
}
