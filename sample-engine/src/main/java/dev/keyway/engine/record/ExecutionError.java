package dev.keyway.engine.record;

/**
 * Why an execution failed: the first node that failed.
 *
 * @param nodeId  the failing node
 * @param code    its error code
 * @param message its error message, already redacted
 */
public record ExecutionError(String nodeId, String code, String message) {
}
