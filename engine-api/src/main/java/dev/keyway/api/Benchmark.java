package dev.keyway.api;

import java.util.List;
import org.pf4j.ExtensionPoint;

/**
 * A measurement a plugin contributes to {@code keyway bench}: it runs for about the time the
 * context allows and returns figures, each with the baseline it was measured against in the same
 * run, so a ratio means something on a shared, noisy machine.
 */
public interface Benchmark extends ExtensionPoint {

    /** A short name, e.g. {@code resolution}; {@code keyway bench --only NAME} selects it. */
    String name();

    /** One line saying what is measured and against what. */
    String description();

    /**
     * Measures. Work that cannot be done (a missing tool, too little memory) is reported as a
     * {@link KeywayException} naming what is missing; the host reports it and runs the others.
     */
    List<BenchmarkFigure> run(BenchmarkContext context);
}
