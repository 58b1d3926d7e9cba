/**
 * The contract between a Keyway host engine and its plugins.
 *
 * <p>Everything here names only JDK types (and PF4J's {@code ExtensionPoint} marker), so a host
 * and each plugin can bundle their own libraries without class-loader clashes. Values that flow
 * between nodes are plain JDK values ({@code Map}, {@code List}, {@code String}, numbers,
 * booleans, {@code null}) plus {@link dev.keyway.api.Secret}.
 */
package dev.keyway.api;
