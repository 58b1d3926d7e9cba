package dev.keyway.engine.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostSettingsTest {

    @TempDir
    Path home;

    @Test
    void systemPropertyBeatsEnvironmentBeatsFile() throws Exception {
        Files.writeString(home.resolve("keyway.properties"), "a.b=file\nc=file\nd=file\n");
        Properties system = new Properties();
        system.setProperty("keyway.a.b", "system");
        HostSettings settings = HostSettings.load(home, Map.of("KEYWAY_A_B", "env", "KEYWAY_C", "env"), system);

        assertThat(settings.get("a.b")).contains("system");
        assertThat(settings.get("c")).contains("env");
        assertThat(settings.get("d")).contains("file");
        assertThat(settings.get("missing")).isEmpty();
    }

    @Test
    void namesEnvironmentVariablesInUpperSnakeCase() {
        assertThat(HostSettings.environmentName("connections.jdbc.url")).isEqualTo("KEYWAY_CONNECTIONS_JDBC_URL");
        assertThat(HostSettings.environmentName("oauth.github-client.id")).isEqualTo("KEYWAY_OAUTH_GITHUB_CLIENT_ID");
    }

    @Test
    void reportsAnUnreadableFileByName() throws Exception {
        Files.writeString(home.resolve("keyway.properties"), "bad=\\u00zz\n");
        assertThatThrownBy(() -> HostSettings.load(home, Map.of(), new Properties()))
                .isInstanceOf(HostException.class)
                .hasMessageContaining("keyway.properties");
    }
}
