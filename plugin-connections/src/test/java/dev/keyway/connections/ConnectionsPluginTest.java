package dev.keyway.connections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyway.api.NodeException;
import dev.keyway.connections.nodes.NodeServicesRegistry;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ConnectionsPluginTest {

    @Test
    void startInstallsTheNodeServicesAndStopRemovesThemAndTheirThreads() throws Exception {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        ConnectionsPlugin plugin = new ConnectionsPlugin();
        plugin.start();
        assertThat(NodeServicesRegistry.require().catalogue().find("github")).isPresent();
        Set<Thread> started = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> !before.contains(t)).collect(Collectors.toSet());

        assertThat(started).isNotEmpty();

        plugin.stop();

        assertThatThrownBy(NodeServicesRegistry::require).isInstanceOf(NodeException.class);
        for (Thread thread : started) {
            thread.join(2000);
        }
        assertThat(started).noneMatch(Thread::isAlive);
    }
}
