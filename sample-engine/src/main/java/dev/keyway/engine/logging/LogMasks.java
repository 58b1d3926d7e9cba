package dev.keyway.engine.logging;

import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * The masking step every log line goes through before it is written. The engine installs a
 * masker that knows the secrets of the executions in flight; until then lines pass unchanged.
 * A static hook, because SLF4J creates loggers before any engine object exists.
 */
public final class LogMasks {

    private static volatile UnaryOperator<String> masker = UnaryOperator.identity();

    private LogMasks() {
    }

    public static void install(UnaryOperator<String> newMasker) {
        masker = Objects.requireNonNull(newMasker, "masker");
    }

    public static void reset() {
        masker = UnaryOperator.identity();
    }

    static String mask(String line) {
        return masker.apply(line);
    }
}
