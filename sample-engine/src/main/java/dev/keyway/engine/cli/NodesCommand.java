package dev.keyway.engine.cli;

import dev.keyway.api.FieldSpec;
import dev.keyway.api.NodeSpec;
import dev.keyway.api.support.UsageException;
import dev.keyway.engine.Engine;
import dev.keyway.engine.json.SpecJson;
import dev.keyway.engine.plugins.PluginNodeCatalog;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code keyway nodes [TYPE]}: the node types the loaded plugins contribute, and their specs. */
final class NodesCommand implements HostCommand {

    @Override
    public String name() {
        return "nodes";
    }

    @Override
    public String summary() {
        return "list node types, or show one node type's properties, inputs and outputs";
    }

    @Override
    public String usage() {
        return """
                Usage: keyway nodes [TYPE] [--json]

                Without TYPE, lists every node type with the plugin that contributes it.
                With TYPE (e.g. acme.http-call), shows its properties, inputs and outputs.""";
    }

    @Override
    public int run(Invocation invocation) {
        // The catalog already holds each plugin's specs, read once with the plugin's class loader.
        PluginNodeCatalog catalog = invocation.session().catalog();
        List<NodeSpec> specs = catalog.specs();
        List<String> positionals = invocation.args().positionals();
        if (positionals.size() > 1) {
            throw new UsageException("expected at most one node type, got %d arguments", positionals.size());
        }
        PrintWriter out = invocation.out();
        if (positionals.isEmpty()) {
            if (invocation.json()) {
                out.println(Engine.toJson(specs.stream().map(spec -> describe(spec, plugin(catalog, spec))).toList()));
            } else if (specs.isEmpty()) {
                out.println("No node types: no plugin is loaded. See 'keyway plugins'.");
            } else {
                specs.forEach(spec -> out.printf("%-32s %-20s %s%n", spec.type(), spec.displayName(), plugin(catalog, spec)));
            }
            return Cli.OK;
        }
        String type = positionals.get(0);
        NodeSpec spec = specs.stream()
                .filter(candidate -> candidate.type().equals(type))
                .findFirst()
                .orElseThrow(() -> new dev.keyway.api.KeywayException(
                        "no node type '%s'; run 'keyway nodes' for the list", type));
        if (invocation.json()) {
            out.println(Engine.toJson(describe(spec, plugin(catalog, spec))));
            return Cli.OK;
        }
        out.printf("%s (%s), from plugin %s%n%s%n", spec.displayName(), spec.type(), plugin(catalog, spec), spec.description());
        section(out, "Properties", spec.properties());
        section(out, "Inputs", spec.inputs());
        section(out, "Outputs", spec.outputs());
        return Cli.OK;
    }

    private static void section(PrintWriter out, String title, List<FieldSpec> fields) {
        if (fields.isEmpty()) {
            return;
        }
        out.println();
        out.println(title + ":");
        for (FieldSpec field : fields) {
            StringBuilder notes = new StringBuilder(field.type().id());
            if (field.required()) {
                notes.append(", required");
            }
            field.defaultIfAny().ifPresent(d -> notes.append(", default ").append(d));
            if (!field.allowedValues().isEmpty()) {
                notes.append(", one of ").append(String.join("|", field.allowedValues()));
            }
            if (field.sensitive()) {
                notes.append(", sensitive");
            }
            field.pickerIfAny().ifPresent(p -> notes.append(", picker ").append(p));
            out.printf("  %-20s %s (%s)%n", field.name(), field.description(), notes);
        }
    }

    private static String plugin(PluginNodeCatalog catalog, NodeSpec spec) {
        return catalog.pluginOf(spec.type()).orElse("?");
    }

    static Map<String, Object> describe(NodeSpec spec, String pluginId) {
        Map<String, Object> node = new LinkedHashMap<>(SpecJson.describe(spec));
        node.put("plugin", pluginId);
        return node;
    }
}
