/** Shared JSON settings: secrets render as the mask; JSON Pointer helpers. */
package dev.keyway.engine.json;
