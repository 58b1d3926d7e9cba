package dev.keyway.engine.bench;

import dev.keyway.api.BenchmarkFigure;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A whole {@code keyway bench} run: prints as a table, serialises as JSON for tracking. */
public record BenchReport(Instant startedAt, Machine machine, String command, double perFigureSeconds,
                          List<BenchResult> results) {

    public BenchReport {
        results = List.copyOf(results);
    }

    /** The table: one row per figure, with the same-run baseline and the ratio to it. */
    public void print(PrintWriter out) {
        out.printf("Keyway bench, %s%n", startedAt);
        out.printf("Machine: %s%n", machine);
        out.printf("Repeat: %s%n%n", command);
        String format = "%-12s %-58s %14s %-10s %-40s %7s  %s%n";
        out.printf(format, "benchmark", "figure", "value", "unit", "baseline (same run)", "ratio", "target");
        for (BenchResult result : results) {
            if (result.error() != null) {
                out.printf(format, result.benchmark(), "did not run: " + result.error(), "", "", "", "", "");
                continue;
            }
            for (BenchmarkFigure figure : result.figures()) {
                String baseline = figure.baseline() == null ? ""
                        : figure.baselineName() + ": " + number(figure.baseline());
                String ratio = figure.ratio() == null ? "" : String.format(Locale.ROOT, "%.0f%%", 100 * figure.ratio());
                String target = figure.target() == null ? "" : figure.target() + (figure.targetMet() ? "  met" : "  NOT met");
                out.printf(format, result.benchmark(), figure.name(), number(figure.value()), figure.unit(), baseline,
                        ratio, target);
            }
        }
        out.printf("%nRatio: figure / baseline for rates, baseline / figure for times; 100%% = as good as the baseline.%n");
        out.flush();
    }

    /** A JSON-ready view (plain maps and lists). */
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("startedAt", startedAt.toString());
        json.put("machine", machine);
        json.put("command", command);
        json.put("perFigureSeconds", perFigureSeconds);
        List<Map<String, Object>> list = new ArrayList<>();
        for (BenchResult result : results) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("benchmark", result.benchmark());
            item.put("description", result.description());
            item.put("seconds", Math.round(result.seconds() * 10) / 10.0);
            if (result.error() != null) {
                item.put("error", result.error());
            }
            List<Map<String, Object>> figures = new ArrayList<>();
            for (BenchmarkFigure figure : result.figures()) {
                Map<String, Object> f = new LinkedHashMap<>();
                f.put("name", figure.name());
                f.put("value", figure.value());
                f.put("unit", figure.unit());
                f.put("higherIsBetter", figure.higherIsBetter());
                if (figure.baseline() != null) {
                    f.put("baselineName", figure.baselineName());
                    f.put("baseline", figure.baseline());
                    f.put("ratio", figure.ratio());
                }
                if (figure.target() != null) {
                    f.put("target", figure.target());
                    f.put("targetMet", figure.targetMet());
                }
                figures.add(f);
            }
            item.put("figures", figures);
            list.add(item);
        }
        json.put("results", list);
        return json;
    }

    private static String number(double value) {
        if (value >= 100) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        return String.format(Locale.ROOT, value >= 10 ? "%.1f" : "%.2f", value);
    }
}
