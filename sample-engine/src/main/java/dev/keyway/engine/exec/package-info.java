/**
 * Running patterns: scheduling nodes on a shared pool, deadlines, wire resolution, the node
 * context, and the order that keeps secrets safe (wrap, run, redact the record, destroy).
 */
package dev.keyway.engine.exec;
