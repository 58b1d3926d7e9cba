package dev.keyway.engine.cli;

import dev.keyway.engine.Engine;

/** {@code keyway schema}: the JSON Schema of pattern files for the loaded node types. */
final class SchemaCommand implements HostCommand {

    @Override
    public String name() {
        return "schema";
    }

    @Override
    public String summary() {
        return "print a JSON Schema (draft 2020-12) for pattern files, from the loaded node types";
    }

    @Override
    public String usage() {
        return """
                Usage: keyway schema > pattern.schema.json

                Prints a JSON Schema for pattern files generated from the node types of the loaded
                plugins, for editors to validate and complete patterns. 'keyway validate' checks more
                (wires, cycles, node-specific rules).""";
    }

    @Override
    public int run(Invocation invocation) {
        invocation.out().println(Engine.toJson(invocation.session().engine().schema()));
        return Cli.OK;
    }
}
