package dev.keyway.connections.cli;

import dev.keyway.connections.ConnectionsRuntime;
import dev.keyway.connections.store.KeyVersionInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code keys status}: data key versions, their state and row counts, and the master key source. */
final class KeyStatusAction implements Action {

    @Override
    public String name() {
        return "status";
    }

    @Override
    public String summary() {
        return "show data key versions, how many rows each encrypts, and the master key source";
    }

    @Override
    public String help() {
        return """
                Usage: keyway keys status

                Shows each data key version: PRIMARY encrypts new writes, ACTIVE still decrypts rows that
                were not re-encrypted yet, RETIRED is used by no row. Also names where the master key (which
                wraps the data keys) comes from: KEYWAY_MASTER_KEY, a key file, a passphrase, or the
                generated default key file.

                Examples:
                  keyway keys status
                  keyway --json keys status""";
    }

    @Override
    public int run(Invocation invocation) {
        invocation.positionals();
        ConnectionsRuntime runtime = invocation.runtime().get();
        List<KeyVersionInfo> versions = runtime.store().keys().status();
        KeySetup setup = KeySetup.of(runtime.host(), System.getenv());
        if (invocation.json()) {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("masterKeySource", setup.masterKey());
            view.put("database", setup.database());
            view.put("keys", versions.stream().map(KeyStatusAction::view).toList());
            invocation.out().println(Json.write(view));
            return Invocation.OK;
        }
        invocation.out().println("Master key: " + setup.masterKey());
        invocation.out().println("Database:   " + setup.database());
        Table table = new Table("VERSION", "STATE", "CREATED", "CONNECTIONS", "SECRETS");
        versions.forEach(v -> table.row("v" + v.version(), v.state(), Times.table(v.createdAt(), "-"),
                v.connectionRows(), v.secretRows()));
        table.print(invocation.out());
        return Invocation.OK;
    }

    private static Map<String, Object> view(KeyVersionInfo info) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("version", info.version());
        view.put("state", info.state().name().toLowerCase(java.util.Locale.ROOT));
        view.put("createdAt", Times.wire(info.createdAt()));
        view.put("connectionRows", info.connectionRows());
        view.put("secretRows", info.secretRows());
        return view;
    }
}
