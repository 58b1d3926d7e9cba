package dev.keyway.connections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyway.api.KeywayException;
import dev.keyway.api.NodeException;
import dev.keyway.connections.nodes.NodeServicesRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectionsPluginTest {

    @TempDir
    Path data;

    @Test
    void startOpensTheStoreAndInstallsServicesAndStopRemovesThemAndTheirThreads() throws Exception {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        ConnectionsPlugin plugin = new ConnectionsPlugin();
        plugin.attach(new StandaloneHostContext(data, Map.of(), Clock.systemUTC()));
        plugin.start();
        assertThat(NodeServicesRegistry.require().catalogue().find("github")).isPresent();
        assertThat(ConnectionsRuntime.require().store()).isNotNull();
        assertThat(data.resolve("master.key")).isRegularFile();
        Set<Thread> started = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> !before.contains(t)).collect(Collectors.toSet());
        assertThat(started).isNotEmpty();

        plugin.stop();

        assertThatThrownBy(NodeServicesRegistry::require).isInstanceOf(NodeException.class);
        assertThatThrownBy(ConnectionsRuntime::require).isInstanceOf(KeywayException.class)
                .hasMessageContaining("not started");
        for (Thread thread : started) {
            thread.join(2000);
        }
        assertThat(started).noneMatch(Thread::isAlive);
        // The store released its lock: a second start in the same folder works.
        plugin.start();
        plugin.stop();
    }

    @Test
    void aWrongMasterKeyFailsTheStartAndChangesNothing() throws Exception {
        ConnectionsPlugin plugin = new ConnectionsPlugin();
        plugin.attach(new StandaloneHostContext(data, Map.of(), Clock.systemUTC()));
        plugin.start();
        plugin.stop();
        Files.write(data.resolve("master.key"), new byte[32]);

        assertThatThrownBy(plugin::start).isInstanceOf(KeywayException.class).hasMessageContaining("master key");
        assertThatThrownBy(ConnectionsRuntime::require).isInstanceOf(KeywayException.class);
    }
}
