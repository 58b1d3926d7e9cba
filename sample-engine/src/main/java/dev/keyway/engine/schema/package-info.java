/** JSON Schema (draft 2020-12) for pattern files, generated from node specs. */
package dev.keyway.engine.schema;
