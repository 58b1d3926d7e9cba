package dev.keyway.engine.cli;

import dev.keyway.api.support.CommandArgs;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The folders Keyway uses. {@code KEYWAY_HOME} (default {@code ~/.keyway}) holds {@code data/}
 * (one folder per plugin), {@code plugins/}, {@code records/} and {@code keyway.properties}.
 * The distribution's own {@code plugins/} folder is scanned too, so a fresh install runs with
 * the bundled plugins.
 */
record KeywayHome(Path root, List<Path> pluginFolders) {

    static KeywayHome resolve(CommandArgs global, Map<String, String> environment) {
        Path root = global.option("home").map(Path::of)
                .or(() -> java.util.Optional.ofNullable(environment.get("KEYWAY_HOME")).filter(s -> !s.isBlank()).map(Path::of))
                .orElseGet(() -> Path.of(System.getProperty("user.home"), ".keyway"))
                .toAbsolutePath().normalize();
        List<Path> plugins = new ArrayList<>();
        if (!global.all("plugins").isEmpty()) {
            global.all("plugins").forEach(p -> plugins.add(Path.of(p).toAbsolutePath().normalize()));
        } else {
            plugins.add(root.resolve("plugins"));
            String distribution = System.getProperty("keyway.distribution");
            if (distribution != null) {
                plugins.add(Path.of(distribution, "plugins").toAbsolutePath().normalize());
            }
        }
        return new KeywayHome(root, List.copyOf(plugins));
    }

    Path data() {
        return root.resolve("data");
    }

    Path records() {
        return root.resolve("records");
    }
}
