package dev.keyway.connections;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyway.api.NodeType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pf4j.DefaultPluginManager;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;

/** The zip the build ships, inspected and loaded by a plain PF4J host (not Keyway's). */
class PluginZipIT {

    private static final Path ZIP = Path.of(System.getProperty("keyway.pluginZip", "target/missing.zip"));

    @TempDir
    Path temp;

    @Test
    void hasPf4jLayoutWithDependenciesUntouchedAndHostLibrariesLeftOut() throws IOException {
        assertThat(ZIP).isRegularFile();
        try (ZipFile zip = new ZipFile(ZIP.toFile())) {
            List<String> names = Collections.list(zip.entries()).stream().map(ZipEntry::getName).toList();
            assertThat(names).contains("plugin.properties", "classes/META-INF/extensions.idx",
                    "classes/dev/keyway/connections/ConnectionsPlugin.class", "classes/web/connections/index.html",
                    "classes/web/connections/app.js", "classes/web/connections/app.css");
            List<String> libs = names.stream().filter(n -> n.startsWith("lib/") && n.endsWith(".jar")).toList();
            assertThat(libs).anyMatch(n -> n.startsWith("lib/bcprov-jdk18on-"))
                    .anyMatch(n -> n.startsWith("lib/hsqldb-"))
                    .anyMatch(n -> n.startsWith("lib/httpclient5-"))
                    .anyMatch(n -> n.startsWith("lib/jackson-databind-"))
                    .noneMatch(n -> n.startsWith("lib/pf4j-"))
                    .noneMatch(n -> n.startsWith("lib/engine-api-"))
                    .noneMatch(n -> n.startsWith("lib/slf4j-"));
            // bcprov is a signed jar: it must ship as is, signature files included.
            ZipEntry bcprov = zip.getEntry(libs.stream().filter(n -> n.startsWith("lib/bcprov")).findFirst().orElseThrow());
            Path copy = temp.resolve("bcprov.jar");
            try (InputStream in = zip.getInputStream(bcprov)) {
                Files.copy(in, copy);
            }
            try (ZipFile jar = new ZipFile(copy.toFile())) {
                assertThat(Collections.list(jar.entries()).stream().map(ZipEntry::getName))
                        .anyMatch(n -> n.startsWith("META-INF/") && n.endsWith(".SF"));
            }
            Properties descriptor = new Properties();
            try (InputStream in = zip.getInputStream(zip.getEntry("plugin.properties"))) {
                descriptor.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
            }
            assertThat(descriptor.getProperty("plugin.id")).isEqualTo("keyway-connections");
            assertThat(descriptor.getProperty("plugin.class")).isEqualTo(ConnectionsPlugin.class.getName());
            assertThat(descriptor.getProperty("plugin.version")).doesNotContain("${");
            String index;
            try (InputStream in = zip.getInputStream(zip.getEntry("classes/META-INF/extensions.idx"))) {
                index = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            assertThat(index).contains("dev.keyway.connections.nodes.");
        }
    }

    @Test
    void loadsInAPlainPf4jHostAndContributesTheThreeNodes() throws IOException {
        Path plugins = Files.createDirectories(temp.resolve("plugins"));
        Files.copy(ZIP, plugins.resolve(ZIP.getFileName()));
        System.setProperty("user.home", temp.resolve("home").toString());
        DefaultPluginManager manager = new DefaultPluginManager(plugins);
        try {
            manager.loadPlugins();
            manager.startPlugins();
            PluginWrapper plugin = manager.getPlugin("keyway-connections");
            assertThat(plugin).isNotNull();
            assertThat(plugin.getPluginState()).as("failure: %s", plugin.getFailedException()).isEqualTo(PluginState.STARTED);
            List<NodeType> nodes = manager.getExtensions(NodeType.class, "keyway-connections");
            assertThat(nodes).extracting(n -> n.spec().type()).contains(
                    "connections.get-connection", "connections.set-property", "connections.http-request",
                    "connections.get-secret");
            assertThat(nodes).allSatisfy(n ->
                    assertThat(n.getClass().getClassLoader()).isSameAs(plugin.getPluginClassLoader()));
            // The page's files come out of the zip through the plugin's own class loader.
            List<dev.keyway.api.WebAssets> pages = manager.getExtensions(dev.keyway.api.WebAssets.class, "keyway-connections");
            assertThat(pages).singleElement().satisfies(page -> {
                assertThat(page.mountPath()).isEqualTo("/connections");
                assertThat(page.asset("app.js")).isPresent();
            });
        } finally {
            // PF4J 3.15's stopPlugins() modifies the list it iterates; unloadPlugins() stops each plugin first.
            manager.unloadPlugins();
        }
    }
}
