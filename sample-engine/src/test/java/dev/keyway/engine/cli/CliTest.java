package dev.keyway.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyway.engine.testing.TestPluginBuilder;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {

    @TempDir
    Path home;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void installDemoPlugin() throws Exception {
        Path plugins = Files.createDirectories(home.resolve("plugins"));
        Files.move(TestPluginBuilder.buildDemoPlugin(home.resolve("build")), plugins.resolve("keyway-demo.zip"));
    }

    private int keyway(String... args) {
        Cli cli = new Cli(Map.of("KEYWAY_HOME", home.toString()), new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return cli.run(args);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void helpListsCommands() {
        assertThat(keyway("--help")).isZero();
        assertThat(out()).contains("Usage: keyway", "nodes", "plugins", "--env ENV");
    }

    @Test
    void noArgumentsIsAUsageError() {
        assertThat(keyway()).isEqualTo(2);
    }

    @Test
    void listsNodeTypesOfLoadedPlugins() {
        assertThat(keyway("nodes")).isZero();
        assertThat(out()).contains("demo.upper", "demo.join", "keyway-demo");
    }

    @Test
    void showsOneNodeTypeAsJson() {
        assertThat(keyway("nodes", "demo.join", "--json")).isZero();
        assertThat(out()).contains("\"type\" : \"demo.join\"", "\"separator\"", "\"default\" : \" \"");
    }

    @Test
    void unknownNodeTypeFailsWithAHint() {
        assertThat(keyway("nodes", "demo.nope")).isEqualTo(1);
        assertThat(err()).contains("no node type 'demo.nope'", "keyway nodes");
    }

    @Test
    void listsPlugins() {
        assertThat(keyway("plugins")).isZero();
        assertThat(out()).contains("keyway-demo", "1.0.0", "started");
    }

    @Test
    void unknownCommandAndOptionAreUsageErrors() {
        assertThat(keyway("frobnicate")).isEqualTo(2);
        assertThat(err()).contains("unknown command 'frobnicate'");
        assertThat(keyway("nodes", "--frob")).isEqualTo(2);
        assertThat(err()).contains("unknown option --frob", "keyway nodes --help");
    }

    @Test
    void commandHelpNeverLoadsPlugins() {
        assertThat(keyway("nodes", "--help")).isZero();
        assertThat(out()).contains("Usage: keyway nodes");
        assertThat(home.resolve("data")).doesNotExist();
    }

    @Test
    void usersGetTokensShownOnceAndStoredAsHashes() throws Exception {
        assertThat(keyway("users", "add", "alice", "--workspace", "acme")).isZero();
        String token = out().trim();
        assertThat(token).startsWith("kw_");
        assertThat(err()).contains("shown only now");
        assertThat(Files.readString(home.resolve("users.json"))).doesNotContain(token);
        out.reset();
        assertThat(keyway("users", "list")).isZero();
        assertThat(out()).contains("alice", "acme");
        assertThat(keyway("users", "revoke", "nope")).isEqualTo(1);
        assertThat(keyway("users", "frob")).isEqualTo(2);
    }
}
