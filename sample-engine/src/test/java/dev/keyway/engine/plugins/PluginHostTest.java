package dev.keyway.engine.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyway.api.NodeType;
import dev.keyway.engine.testing.TestPluginBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pf4j.PluginState;

class PluginHostTest {

    @TempDir
    Path temp;

    @Test
    void loadsAPluginZipAttachesTheHostAndFindsItsNodeTypes() throws Exception {
        Path plugins = Files.createDirectories(temp.resolve("plugins"));
        Files.move(TestPluginBuilder.buildDemoPlugin(temp.resolve("build")), plugins.resolve("keyway-demo.zip"));
        HostSettings settings = HostSettings.load(temp, Map.of("KEYWAY_DEMO_GREETING", "hello"), new Properties());

        try (PluginHost host = PluginHost.start(List.of(plugins), temp.resolve("data"), settings, Clock.systemUTC())) {
            assertThat(host.plugins()).singleElement().satisfies(p -> {
                assertThat(p.id()).isEqualTo("keyway-demo");
                assertThat(p.state()).isEqualTo("started");
            });
            List<PluginHost.Contributed<NodeType>> nodes = host.extensions(NodeType.class);
            assertThat(nodes).extracting(n -> n.extension().spec().type())
                    .containsExactlyInAnyOrder("demo.upper", "demo.join");
            assertThat(nodes).allSatisfy(n -> {
                assertThat(n.pluginId()).isEqualTo("keyway-demo");
                // Reached only through PF4J: the class comes from the plugin's own loader.
                assertThat(n.extension().getClass().getClassLoader()).isSameAs(n.classLoader());
                assertThat(n.classLoader()).isNotSameAs(getClass().getClassLoader());
            });
            String started = Files.readString(temp.resolve("data/keyway-demo/started.txt"));
            assertThat(started).contains("context-loader-is-plugin=true").contains("greeting=hello");
        }
    }

    @Test
    void closeStopsAndUnloadsEveryPlugin() throws Exception {
        Path plugins = Files.createDirectories(temp.resolve("plugins"));
        Files.move(TestPluginBuilder.buildDemoPlugin(temp.resolve("build")), plugins.resolve("keyway-demo.zip"));
        PluginHost host = PluginHost.start(List.of(plugins), temp.resolve("data"),
                HostSettings.load(temp, Map.of(), new Properties()), Clock.systemUTC());
        var wrapper = host.manager().getPlugin("keyway-demo");
        assertThat(wrapper.getPluginState()).isEqualTo(PluginState.STARTED);

        host.close();

        assertThat(host.manager().getPlugins()).isEmpty();
    }

    @Test
    void startsWithNoPluginFolderAtAll() {
        try (PluginHost host = PluginHost.start(List.of(temp.resolve("missing")), temp.resolve("data"),
                HostSettings.load(temp, Map.of(), new Properties()), Clock.systemUTC())) {
            assertThat(host.plugins()).isEmpty();
            assertThat(host.extensions(NodeType.class)).isEmpty();
        }
    }
}
