package dev.keyway.connections.web;

import dev.keyway.api.WebAsset;
import dev.keyway.api.WebAssets;
import dev.keyway.api.support.ClassPathAssets;
import java.util.Optional;
import org.pf4j.Extension;

/**
 * The Connections page at {@code /connections/}: plain HTML, CSS and JavaScript from
 * {@code web/connections/} in the plugin's jar (no build step). The page holds no data; it signs
 * in with an API token and uses only the public REST API under {@code /api}.
 */
@Extension
public final class ConnectionsPage implements WebAssets {

    private final ClassPathAssets files = new ClassPathAssets(ConnectionsPage.class.getClassLoader(), "web/connections");

    @Override
    public String mountPath() {
        return "/connections";
    }

    @Override
    public String title() {
        return "Connections";
    }

    @Override
    public Optional<WebAsset> asset(String path) {
        return files.asset(path);
    }
}
