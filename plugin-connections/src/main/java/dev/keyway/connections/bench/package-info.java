/**
 * The plugin's contributions to {@code keyway bench}: what its nodes cost inside a pattern and as
 * a server, each against a bare baseline measured in the same run. Store-level benchmarks live
 * beside the store they measure.
 */
package dev.keyway.connections.bench;
