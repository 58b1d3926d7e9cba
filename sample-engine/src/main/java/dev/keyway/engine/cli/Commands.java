package dev.keyway.engine.cli;

import java.util.List;

/** The host's own commands, in the order {@code --help} lists them. */
final class Commands {

    private Commands() {
    }

    static List<HostCommand> all() {
        return List.of(new RunCommand(), new ValidateCommand(), new SchemaCommand(), new NodesCommand(),
                new OptionsCommand(), new ServeCommand(), new UsersCommand(), new PluginsCommand(),
                new BenchCommand());
    }
}
