/**
 * The plugin's web page: the Connections list, filters, environments, create, edit, test and
 * delete, served by the host through {@link dev.keyway.api.WebAssets}.
 */
package dev.keyway.connections.web;
