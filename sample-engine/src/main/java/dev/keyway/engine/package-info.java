/**
 * The engine core of the sample host: {@link dev.keyway.engine.Engine} validates, loads and runs
 * patterns against a {@link dev.keyway.engine.NodeCatalog}. Generic: it names no plugin, and
 * plugin loading lives elsewhere.
 */
package dev.keyway.engine;
