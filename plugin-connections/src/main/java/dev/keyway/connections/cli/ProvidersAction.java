package dev.keyway.connections.cli;

import dev.keyway.connections.ConnectionType;
import dev.keyway.connections.providers.CredentialField;
import dev.keyway.connections.providers.Provider;
import java.io.PrintWriter;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** {@code connections providers [ID]}: the catalogue, to know what {@code add} will ask for. */
final class ProvidersAction implements Action {

    @Override
    public String name() {
        return "providers";
    }

    @Override
    public String summary() {
        return "list the known providers, their connection types and fields";
    }

    @Override
    public String help() {
        return """
                Usage: keyway connections providers [PROVIDER]

                Lists the provider catalogue: id, name, connection types and fields. In FIELDS a * marks a
                secret field (prompted for by 'add') and a ? an optional one. With PROVIDER, shows its
                fields with their labels and the environment secrets a connection seeds.

                Examples:
                  keyway connections providers
                  keyway connections providers jira
                  keyway --json connections providers""";
    }

    @Override
    public int run(Invocation invocation) {
        List<String> args = invocation.args().positionals();
        if (args.size() > 1) {
            invocation.positionals("PROVIDER");
        }
        var catalogue = invocation.connections().catalogue();
        Collection<Provider> shown = args.isEmpty() ? catalogue.all() : List.of(Providers.find(catalogue, args.get(0)));
        if (invocation.json()) {
            invocation.out().println(Json.write(Map.of("providers", shown.stream().map(Views::provider).toList())));
        } else if (args.isEmpty()) {
            Table table = new Table("ID", "NAME", "TYPES", "FIELDS");
            shown.forEach(p -> table.row(p.id(), p.displayName(), types(p),
                    p.fields().stream().map(ProvidersAction::mark).collect(Collectors.joining(" "))));
            table.print(invocation.out());
        } else {
            details(invocation.out(), shown.iterator().next());
        }
        return Invocation.OK;
    }

    private static void details(PrintWriter out, Provider p) {
        out.printf("%s (%s), types: %s%n", p.displayName(), p.id(), types(p));
        Table table = new Table("FIELD", "LABEL", "SECRET", "REQUIRED", "DEFAULT");
        p.fields().forEach(f -> table.row(f.name(), f.label(), f.secret() ? "yes" : "no", f.required() ? "yes" : "no",
                f.defaultValue()));
        table.print(out);
        List<String> seeded = Views.seededNames(p);
        out.println("Seeds: " + (seeded.isEmpty() ? "nothing" : String.join(", ", seeded)));
    }

    private static String types(Provider p) {
        return p.authKinds().stream().map(ConnectionType::id).collect(Collectors.joining(","));
    }

    private static String mark(CredentialField f) {
        return f.name() + (f.secret() ? "*" : "") + (f.required() ? "" : "?");
    }
}
