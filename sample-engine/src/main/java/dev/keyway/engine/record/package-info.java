/** Execution records (always redacted), the redactor, and where records and audit lines are kept. */
package dev.keyway.engine.record;
