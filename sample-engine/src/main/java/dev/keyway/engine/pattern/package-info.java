/** The pattern model: nodes, wires, trigger, and the dependency graph between nodes. See PATTERNS.md. */
package dev.keyway.engine.pattern;
