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
        return keywayWithInput("", args);
    }

    private int keywayWithInput(String stdin, String... args) {
        Cli cli = new Cli(Map.of("KEYWAY_HOME", home.toString()),
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
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

    private static final String GREETING = """
            {
              "id": "greeting",
              "name": "Greeting",
              "trigger": {"type": "manual", "credentials": ["password"]},
              "nodes": [
                {"id": "shout", "type": "demo.upper", "inputs": {"text": {"from": "trigger.name"}}},
                {"id": "join", "type": "demo.join", "properties": {"separator": ", "},
                 "inputs": {"parts": ["hello", {"from": "shout.text"}]}}
              ],
              "outputs": {"greeting": {"from": "join.text"}, "password": {"from": "trigger.password"}}
            }
            """;

    @Test
    void runsAPatternWithInputFromStdinAndMasksCredentials() throws Exception {
        Path pattern = Files.writeString(home.resolve("greeting.json"), GREETING);
        assertThat(keywayWithInput("{\"name\": \"ada\", \"password\": \"canary-pw-123\"}",
                "run", pattern.toString(), "--input", "-")).isZero();
        assertThat(out()).contains("greeting succeeded", "\"greeting\" : \"hello, ADA\"", "\"password\" : \"*****\"")
                .doesNotContain("canary-pw-123");
        try (var files = Files.walk(home)) {
            for (Path file : files.filter(Files::isRegularFile).filter(f -> !f.toString().endsWith(".zip")).toList()) {
                assertThat(Files.readString(file, StandardCharsets.ISO_8859_1)).as(file.toString()).doesNotContain("canary-pw-123");
            }
        }
    }

    @Test
    void runPrintsTheRecordAsJsonAndFailsOnAnInvalidPattern() throws Exception {
        Path pattern = Files.writeString(home.resolve("greeting.json"), GREETING);
        assertThat(keywayWithInput("{\"name\": \"x\"}", "run", pattern.toString(), "--input", "-", "--json")).isZero();
        assertThat(out()).contains("\"status\" : \"succeeded\"", "\"nodes\"");
        Path broken = Files.writeString(home.resolve("broken.json"), GREETING.replace("demo.upper", "demo.uper"));
        assertThat(keyway("run", broken.toString())).isEqualTo(1);
        assertThat(err()).contains("Did you mean 'demo.upper'?");
    }

    @Test
    void validateReportsEveryMistakeWithItsLocation() throws Exception {
        Path broken = Files.writeString(home.resolve("five.json"), """
                {
                  "id": "five-mistakes",
                  "name": "Five mistakes",
                  "nodes": [
                    {"id": "a", "type": "demo.uper", "inputs": {"text": "x"}},
                    {"id": "b", "type": "demo.join", "properties": {"separator": 3, "colour": "red"}},
                    {"id": "c", "type": "demo.upper", "inputs": {"text": {"from": "ghost.text"}}},
                    {"id": "c", "type": "demo.upper", "inputs": {"text": "y"}}
                  ]
                }
                """);
        assertThat(keyway("validate", broken.toString())).isEqualTo(1);
        String report = out();
        assertThat(report).contains("/nodes/0/type", "Did you mean 'demo.upper'?")
                .contains("/nodes/1/properties/separator")
                .contains("/nodes/1/properties/colour", "Known properties: separator")
                .contains("/nodes/1/inputs")
                .contains("/nodes/2/inputs/text")
                .contains("/nodes/3/id");
        assertThat(report.lines().filter(l -> l.startsWith("  ")).count()).isGreaterThanOrEqualTo(5);
        assertThat(report).doesNotContain("Exception");
    }

    @Test
    void validateSaysValidAndSchemaDescribesTheLoadedNodes() throws Exception {
        Path pattern = Files.writeString(home.resolve("greeting.json"), GREETING);
        assertThat(keyway("validate", pattern.toString())).isZero();
        assertThat(out()).contains("greeting.json: valid");
        out.reset();
        assertThat(keyway("schema")).isZero();
        assertThat(out()).contains("https://json-schema.org/draft/2020-12/schema", "demo.upper", "demo.join");
    }

    @Test
    void malformedJsonIsLocated() throws Exception {
        Path pattern = Files.writeString(home.resolve("bad.json"), "{\n  \"id\": \"x\",\n  \"name\": \n}");
        assertThat(keyway("validate", pattern.toString())).isEqualTo(1);
        assertThat(out()).containsPattern("bad.json:4:\\d+");
    }
}
