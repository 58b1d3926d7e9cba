package dev.keyway.engine.record;

import java.time.Instant;

/** One line a node logged, already redacted. */
public record LogLine(Instant at, String level, String message) {
}
