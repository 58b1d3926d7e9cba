/**
 * Jackson as this plugin uses it: mappers whose buffers stay with the plugin, so no host thread
 * keeps the plugin's class loader alive after unload.
 */
package dev.keyway.connections.json;
