/**
 * {@code keyway bench}: the host's own engine benchmark, the plugins' {@link dev.keyway.api.Benchmark}s,
 * and the report (a table with ratios to same-run baselines, and JSON for tracking).
 */
package dev.keyway.engine.bench;
