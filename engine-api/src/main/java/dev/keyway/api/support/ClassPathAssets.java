package dev.keyway.api.support;

import dev.keyway.api.WebAsset;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads a {@link dev.keyway.api.WebAssets} page's files from a folder of a class loader's
 * resources, e.g. {@code web/connections/} inside a plugin's jar, so a plugin's extension is a
 * few lines. The empty path is {@code index.html}.
 */
public final class ClassPathAssets {

    private final ClassLoader loader;
    private final String folder;

    /**
     * @param loader the plugin's class loader (resources of other plugins stay out of reach)
     * @param folder the resource folder, e.g. {@code web/connections}
     */
    public ClassPathAssets(ClassLoader loader, String folder) {
        this.loader = Objects.requireNonNull(loader, "loader");
        this.folder = folder.endsWith("/") ? folder : folder + "/";
    }

    public Optional<WebAsset> asset(String path) {
        String name = path.isEmpty() ? "index.html" : path;
        // Belt and braces: the host refuses these already, but this class may serve other hosts.
        if (name.startsWith("/") || name.contains("..") || name.contains("\\") || name.endsWith("/")) {
            return Optional.empty();
        }
        try (InputStream in = loader.getResourceAsStream(folder + name)) {
            if (in == null) {
                return Optional.empty();
            }
            return Optional.of(new WebAsset(WebAsset.contentTypeOf(name), in.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + folder + name, e);
        }
    }
}
