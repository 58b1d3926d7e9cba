/**
 * The provider catalogue: {@code providers.json} (checked against {@code providers.schema.json})
 * read by {@link dev.keyway.connections.providers.ProviderCatalogue} into immutable
 * {@link dev.keyway.connections.providers.Provider} records. Adding a provider is a data change.
 * {@link dev.keyway.connections.providers.Template} fills {@code {field}} placeholders in one pass.
 */
package dev.keyway.connections.providers;
