package dev.keyway.connections.cli;

import static dev.keyway.connections.cli.CliDriver.ALICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyway.api.KeywayException;
import dev.keyway.connections.ConnectionsRuntime;
import dev.keyway.connections.store.ConnectionFilter;
import dev.keyway.connections.store.ResolvedConnection;
import dev.keyway.connections.store.StoreOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeysCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path data;

    private ConnectionsRuntime runtime;
    private CliDriver cli;

    @BeforeEach
    void open() {
        runtime = ConnectionsRuntime.open(new TestHost(data));
        cli = new CliDriver(runtime);
        CliDriver.Run added = cli.stdin("xoxb-keys\n").connections("add", "slack");
        assertThat(added.exit()).as(added.err()).isZero();
    }

    @AfterEach
    void close() {
        runtime.close();
    }

    @Test
    void statusShowsVersionsRowCountsAndWhereTheMasterKeyComesFrom() throws Exception {
        CliDriver.Run status = cli.keys("status");

        assertThat(status.exit()).isZero();
        assertThat(status.out()).contains("Master key: the default master key file " + data.resolve("master.key"),
                "embedded", "VERSION", "v1", "PRIMARY");
        JsonNode json = JSON.readTree(cli.json(true).keys("status").out());
        assertThat(json.get("keys").get(0).get("state").asText()).isEqualTo("primary");
        assertThat(json.get("keys").get(0).get("connectionRows").asLong()).isEqualTo(1);
        assertThat(json.get("keys").get(0).get("secretRows").asLong()).isEqualTo(2);
    }

    @Test
    void rotateReencryptsEveryRowWithProgressOnStderrAndRetiresTheOldKey() throws Exception {
        CliDriver.Run rotated = cli.keys("rotate");

        assertThat(rotated.exit()).as(rotated.err()).isZero();
        assertThat(rotated.err()).contains("keys rotate: 3/3 rows re-encrypted");
        assertThat(rotated.out()).contains("Data key v2 is primary; 3 rows re-encrypted; retired versions: [1]");
        JsonNode keys = JSON.readTree(cli.json(true).keys("status").out()).get("keys");
        assertThat(keys.get(0).get("version").asInt()).isEqualTo(2);
        assertThat(keys.get(0).get("connectionRows").asLong()).isEqualTo(1);
        assertThat(keys.get(1).get("state").asText()).isEqualTo("retired");
        String id = runtime.store().list(ALICE, ConnectionFilter.all()).get(0).id();
        try (ResolvedConnection resolved = runtime.store().resolve(id, ALICE, "development")) {
            assertThat(resolved.credentials().fields().get("api-key").reveal()).isEqualTo("xoxb-keys");
        }
    }

    @Test
    void changeMasterToANewKeyFileSwitchesTheStoreToIt() {
        Path newKey = data.resolve("keys/master-2.key");

        CliDriver.Run changed = cli.keys("change-master", "--new-key-file", newKey.toString());

        assertThat(changed.exit()).as(changed.err()).isZero();
        assertThat(changed.out()).contains(newKey.toString(), "connections.master-key-file",
                "KEYWAY_CONNECTIONS_MASTER_KEY_FILE", "keep it until a restart has worked");
        assertThat(newKey).isRegularFile();
        String id = runtime.store().list(ALICE, ConnectionFilter.all()).get(0).id();
        runtime.close();

        assertThatThrownBy(() -> ConnectionsRuntime.open(new TestHost(data))).isInstanceOf(KeywayException.class)
                .hasMessageContaining("master key");
        runtime = ConnectionsRuntime.open(new TestHost(data,
                Map.of(StoreOptions.SETTING_KEY_FILE, newKey.toString()), Clock.systemUTC()));
        try (ResolvedConnection resolved = runtime.store().resolve(id, ALICE, "development")) {
            assertThat(resolved.credentials().fields().get("api-key").reveal()).isEqualTo("xoxb-keys");
        }
    }

    @Test
    void changeMasterRefusesAnExistingFileAndNeedsExactlyOneTarget() throws Exception {
        Path existing = Files.writeString(data.resolve("taken.key"), "keep me");

        CliDriver.Run refused = cli.keys("change-master", "--new-key-file", existing.toString());
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.err()).contains("already exists");
        assertThat(Files.readString(existing)).isEqualTo("keep me");
        assertThat(cli.keys("change-master").exit()).isEqualTo(2);
        assertThat(cli.keys("change-master", "--new-passphrase", "--new-key-file", "x").exit()).isEqualTo(2);
        assertThat(cli.keys("status").out()).contains("the default master key file");
    }

    @Test
    void changeMasterToAPassphraseAsksTwiceAndRefusesAMismatch() {
        CliDriver.Run mismatch = cli.stdin("one passphrase\nanother\n").keys("change-master", "--new-passphrase");
        assertThat(mismatch.exit()).isEqualTo(1);
        assertThat(mismatch.err()).contains("differ", "nothing was changed");

        CliDriver.Run changed = cli.stdin("correct horse battery\ncorrect horse battery\n")
                .keys("change-master", "--new-passphrase");
        assertThat(changed.exit()).as(changed.err()).isZero();
        assertThat(changed.prompts()).containsExactly("New master passphrase", "Repeat the new master passphrase");
        assertThat(changed.out()).contains("KEYWAY_MASTER_PASSPHRASE").doesNotContain("correct horse");
    }

    @Test
    void helpAndUsageErrors() {
        for (String sub : new String[] {"status", "rotate", "change-master"}) {
            assertThat(cli.keys(sub, "--help").out()).contains("Usage: keyway keys " + sub, "Examples:");
        }
        assertThat(cli.keys("--help").out()).contains("status", "rotate", "change-master");
        assertThat(cli.keys("spin").exit()).isEqualTo(2);
        assertThat(cli.keys("rotate", "now").exit()).isEqualTo(2);
    }
}
