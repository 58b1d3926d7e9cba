package dev.keyway.connections.cli;

import dev.keyway.api.Secret;
import dev.keyway.api.support.UsageException;
import dev.keyway.connections.ConnectionType;
import dev.keyway.connections.providers.Provider;
import dev.keyway.connections.service.CreatedConnection;
import dev.keyway.connections.service.NewConnectionRequest;
import dev.keyway.connections.store.Connection;
import java.io.PrintWriter;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** {@code connections add PROVIDER}: creates a connection in the caller's environment and seeds its secrets. */
final class AddAction implements Action {

    @Override
    public String name() {
        return "add";
    }

    @Override
    public String summary() {
        return "create a connection (secrets are prompted for, never taken as arguments)";
    }

    @Override
    public Set<String> valued() {
        Set<String> valued = new HashSet<>(FieldInput.VALUED);
        valued.addAll(Set.of("type", "display-name", "tag", "base-url", "allowed-host", SeedTarget.OPTION));
        return valued;
    }

    @Override
    public Set<String> flags() {
        return FieldInput.FLAGS;
    }

    @Override
    public String help() {
        return """
                Usage: keyway connections add PROVIDER [OPTIONS]

                Creates a connection to PROVIDER in the --env environment (default development) and seeds its
                fields as environment secrets (e.g. SLACK_API_KEY). Prompts once per secret field, labelled
                as in 'keyway connections providers PROVIDER'.

                Options:
                  --type TYPE           api_key, credentials, basic or bearer (default: the provider's first)
                  --display-name NAME   the label (default: the provider's name)
                  --tag TAG             a tag to filter on (repeatable)
                  --base-url URL        the API root of a self-hosted instance; also fills the provider's
                                        base-url field when it has one and it is not given
                  --allowed-host HOST   another host (host or host:port) that may receive the credentials
                                        (repeatable)
                  --seed all|env        seed the secrets into every environment of the workspace (all,
                                        the default) or only into the --env environment (env)
                """ + FieldInput.HELP + """


                Examples:
                  keyway connections add slack --display-name "Slack - Ops" --tag ops
                  printf '%s\\n' "$SLACK_TOKEN" | keyway --env production connections add slack --seed env
                  keyway connections add jira --field user-email=me@acme.com --base-url https://acme.atlassian.net
                  echo '{"user-email":"me@acme.com","api-token":"...","base-url":"https://acme.atlassian.net"}' \\
                    | keyway --json connections add jira --fields-from-stdin""";
    }

    @Override
    public int run(Invocation invocation) {
        String providerId = invocation.positionals("PROVIDER").get(0);
        Provider provider = Providers.find(invocation.connections().catalogue(), providerId);
        ConnectionType type = type(invocation, provider);
        SeedTarget seed = SeedTarget.given(invocation).orElse(new SeedTarget(false));
        String baseUrl = invocation.args().option("base-url").orElse(null);
        Map<String, Secret> fields = new LinkedHashMap<>(FieldInput.collect(invocation, provider, true));
        if (baseUrl != null && provider.field("base-url").filter(f -> !f.secret()).isPresent()) {
            fields.putIfAbsent("base-url", Secret.of(baseUrl));
        }
        NewConnectionRequest request = new NewConnectionRequest(provider.id(), type,
                invocation.args().option("display-name").orElse(null),
                seed.envOnly() ? invocation.context().environment() : null, fields,
                new LinkedHashSet<>(invocation.args().all("tag")), baseUrl, invocation.args().all("allowed-host"));
        CreatedConnection created = invocation.connections().create(invocation.principal(),
                invocation.context().environment(), request);
        print(invocation, created, seed);
        return Invocation.OK;
    }

    private static ConnectionType type(Invocation invocation, Provider provider) {
        String given = invocation.args().option("type").orElse(null);
        if (given == null) {
            return provider.authKinds().stream().filter(k -> k != ConnectionType.OAUTH).findFirst()
                    .orElseThrow(() -> new UsageException("provider %s only takes OAuth connections, which are made "
                            + "through the authorization flow on the connections page", provider.id()));
        }
        try {
            return ConnectionType.parse(given);
        } catch (IllegalArgumentException e) {
            throw new UsageException("%s", e.getMessage());
        }
    }

    private static void print(Invocation invocation, CreatedConnection created, SeedTarget seed) {
        Connection c = created.connection();
        PrintWriter out = invocation.out();
        if (invocation.json()) {
            out.println(Json.write(Views.created(created)));
            return;
        }
        out.printf("Created %s (%s \"%s\", %s) in environment %s.%n", c.id(), c.provider(), c.displayName(),
                c.type().id(), c.environment());
        out.printf("Seeded %d secret%s into %s: %s%n", created.seedResult().secretsSeeded(),
                created.seedResult().secretsSeeded() == 1 ? "" : "s", seed.describe(c),
                String.join(", ", created.seedResult().secretNames()));
    }
}
