package dev.keyway.engine.bench;

import dev.keyway.api.BenchmarkFigure;
import java.util.List;

/**
 * What one benchmark produced.
 *
 * @param benchmark   its name
 * @param description what it measures
 * @param figures     its figures; empty when it failed
 * @param error       why it could not run, or null
 * @param seconds     how long it took, warm-up included
 */
public record BenchResult(String benchmark, String description, List<BenchmarkFigure> figures, String error,
                          double seconds) {

    public BenchResult {
        figures = List.copyOf(figures);
    }
}
