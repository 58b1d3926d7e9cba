package dev.keyway.api;

import java.util.Objects;

/**
 * One measured figure and, when it has one, the baseline measured beside it in the same run.
 *
 * @param name           what was measured, e.g. {@code manual-header pattern, concurrency 8}
 * @param value          the figure
 * @param unit           its unit, e.g. {@code exec/s}, {@code us}, {@code ms}, {@code MB}
 * @param higherIsBetter true for throughput, false for latency, time and memory
 * @param baselineName   what the baseline is, e.g. {@code bare pooled HttpClient}; null for none
 * @param baseline       the baseline's figure in the same unit, or null
 * @param target         the target in words, e.g. {@code >= 85% of baseline}, or null
 * @param targetMet      whether the target was met, or null when there is none
 */
public record BenchmarkFigure(String name, double value, String unit, boolean higherIsBetter, String baselineName,
                              Double baseline, String target, Boolean targetMet) {

    public BenchmarkFigure {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(unit, "unit");
        if ((baselineName == null) != (baseline == null)) {
            throw new IllegalArgumentException("a baseline needs both its name and its figure");
        }
        if ((target == null) != (targetMet == null)) {
            throw new IllegalArgumentException("a target needs both its text and whether it was met");
        }
    }

    /** A figure without baseline or target. */
    public static BenchmarkFigure of(String name, double value, String unit, boolean higherIsBetter) {
        return new BenchmarkFigure(name, value, unit, higherIsBetter, null, null, null, null);
    }

    /** This figure measured against a baseline. */
    public BenchmarkFigure against(String baselineName, double baseline) {
        return new BenchmarkFigure(name, value, unit, higherIsBetter, baselineName, baseline, target, targetMet);
    }

    /** This figure with a target and whether it was met. */
    public BenchmarkFigure target(String target, boolean met) {
        return new BenchmarkFigure(name, value, unit, higherIsBetter, baselineName, baseline, target, met);
    }

    /**
     * How this figure compares with its baseline, as a fraction where 1.0 is "as good as the
     * baseline" and less is worse (value/baseline for throughput, baseline/value for time); null
     * without a baseline.
     */
    public Double ratio() {
        if (baseline == null || baseline == 0 || value == 0) {
            return null;
        }
        return higherIsBetter ? value / baseline : baseline / value;
    }
}
