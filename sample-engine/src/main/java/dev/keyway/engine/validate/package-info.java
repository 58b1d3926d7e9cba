/**
 * From pattern text to a valid {@link dev.keyway.engine.pattern.Pattern} or every
 * {@link dev.keyway.engine.validate.Problem} at once, each with a JSON Pointer, line and column.
 */
package dev.keyway.engine.validate;
