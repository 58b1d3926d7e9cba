package dev.keyway.connections.store;

import static dev.keyway.connections.store.TestStores.ALICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyway.api.Secret;
import dev.keyway.connections.ConnectionType;
import dev.keyway.connections.crypto.AesGcm;
import dev.keyway.connections.crypto.Bytes;
import dev.keyway.connections.crypto.DataKey;
import dev.keyway.connections.crypto.MasterKey;
import dev.keyway.connections.crypto.TamperedException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class CredentialCipherTest {

    @TempDir
    Path dir;

    @Test
    void canaryNeverReachesAFileOrTheLogInAnyEncoding() throws Exception {
        // Quote, slash, plus, space and a non-ASCII letter make every encoding below differ from the plain text.
        String canary = "canary-" + HexFormat.of().formatHex(Bytes.random(12)) + "/+ \"\u00e9";
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream originalErr = System.err;
        PrintStream originalOut = System.out;
        PrintStream tee = new PrintStream(captured, true, StandardCharsets.UTF_8);
        System.setErr(tee);
        System.setOut(tee);
        List<String> whileOpen;
        try (JdbcConnectionStore store = JdbcConnectionStore.open(StoreOptions.embedded(dir, Map.of()))) {
            Connection c = store.create(ALICE, NewConnection.builder("slack", ConnectionType.API_KEY, "production",
                    Credentials.of("api-key", Secret.of(canary))).build());
            store.seedSecrets(c.id(), ALICE, SecretScope.allEnvironments(),
                    SecretNames.plan("slack", List.of("api-key"), Map.of("api-key", List.of("SLACK_BOT_TOKEN"))));
            try (ResolvedConnection resolved = store.resolve(c.id(), ALICE, "production")) {
                LoggerFactory.getLogger(getClass()).info("resolved {} with {}", resolved, resolved.credentials());
            }
            store.keys().rotateDataKey((done, total) -> { });
            store.keys().changeMasterKey(MasterKey.generate("test"));
            store.update(c.id(), ALICE, ConnectionUpdate.none()
                    .withCredentials(Credentials.of("api-key", Secret.of(canary + "-2"))));
            assertThatThrownBy(() -> store.resolve(c.id(), TestStores.BOB, "production"))
                    .satisfies(e -> LoggerFactory.getLogger(getClass()).warn("refused", e));
            whileOpen = readAll(dir);
        } finally {
            System.setErr(originalErr);
            System.setOut(originalOut);
        }
        List<String> haystacks = new ArrayList<>(whileOpen);
        haystacks.addAll(readAll(dir));
        haystacks.add(captured.toString(StandardCharsets.UTF_8));
        assertThat(captured.size()).as("something was logged").isPositive();

        for (String form : forms(canary)) {
            for (String haystack : haystacks) {
                assertThat(haystack.contains(form)).as("found %s", form).isFalse();
                assertThat(haystack.toLowerCase().contains(form.toLowerCase())).as("found %s", form).isFalse();
            }
        }
    }

    @Test
    void theSearchFindsEveryFormWhenItIsThere() {
        String canary = "canary-0123/+ \"\u00e9";
        for (int prefix = 0; prefix < 3; prefix++) {
            String padded = "x".repeat(prefix) + canary + "yz";
            String haystack = Base64.getEncoder().encodeToString(padded.getBytes(StandardCharsets.UTF_8)) + " "
                    + Base64.getUrlEncoder().encodeToString(padded.getBytes(StandardCharsets.UTF_8));
            assertThat(forms(canary).stream().filter(haystack::contains).count()).as("prefix %d", prefix)
                    .isEqualTo(2);
        }
        assertThat(forms(canary)).contains("canary-0123%2F%2B+%22%C3%A9", "canary-0123\\/+ \\\"\u00e9");
    }

    @Test
    void environmentSecretIsBoundToItsName() {
        DataKey key = new DataKey(1, AesGcm.key256(Bytes.random(32)));
        SecretRow.Identity token = new SecretRow.Identity("acme", "*", "JIRA_API_TOKEN", "conn_1", "api-token");
        SecretRow.Identity other = new SecretRow.Identity("acme", "*", "JIRA_USER_EMAIL", "conn_1", "api-token");
        CredentialCipher.Sealed sealed = CredentialCipher.sealSecret(key, token, Secret.of("v"));
        assertThat(CredentialCipher.openSecret(key, token, sealed.blob()).reveal()).isEqualTo("v");
        assertThatThrownBy(() -> CredentialCipher.openSecret(key, other, sealed.blob()))
                .isInstanceOf(TamperedException.class).hasMessageContaining("(tampered or moved)");
    }

    @Test
    void connectionCiphertextIsBoundToOwnerAndEnvironment() {
        DataKey key = new DataKey(1, AesGcm.key256(Bytes.random(32)));
        ConnectionRow.Identity row = new ConnectionRow.Identity("conn_1", "acme", "alice", "production");
        byte[] blob = CredentialCipher.sealConnection(key, row, Credentials.of("k", Secret.of("v"))).blob();
        assertThat(CredentialCipher.openConnection(key, row, blob)).containsKey("k");
        for (ConnectionRow.Identity moved : List.of(
                new ConnectionRow.Identity("conn_1", "acme", "bob", "production"),
                new ConnectionRow.Identity("conn_1", "acme", "alice", "development"),
                new ConnectionRow.Identity("conn_1", "globex", "alice", "production"))) {
            assertThatThrownBy(() -> CredentialCipher.openConnection(key, moved, blob))
                    .isInstanceOf(TamperedException.class)
                    .hasMessageStartingWith("connection conn_1 cannot be decrypted (tampered or moved)");
        }
        assertThatThrownBy(() -> CredentialCipher.openConnection(new DataKey(2, key.key()), row, blob))
                .isInstanceOf(TamperedException.class);
    }

    /** The canary as it could appear: plain, base64, base64url (every alignment), URL-encoded, JSON-escaped, hex. */
    private static List<String> forms(String canary) {
        byte[] utf8 = canary.getBytes(StandardCharsets.UTF_8);
        List<String> forms = new ArrayList<>(List.of(canary,
                URLEncoder.encode(canary, StandardCharsets.UTF_8),
                canary.replace("\\", "\\\\").replace("\"", "\\\"").replace("/", "\\/"),
                canary.replace("\"", "\\\"").replace("\u00e9", "\\u00e9"),
                HexFormat.of().formatHex(utf8)));
        for (int shift = 0; shift < 3; shift++) {
            byte[] shifted = new byte[shift + utf8.length];
            System.arraycopy(utf8, 0, shifted, shift, utf8.length);
            for (Base64.Encoder encoder : List.of(Base64.getEncoder(), Base64.getUrlEncoder())) {
                String encoded = encoder.encodeToString(shifted);
                // The middle is the same wherever the canary sits in a larger encoded text.
                forms.add(encoded.substring(4, encoded.length() - 4));
            }
        }
        return forms;
    }

    private static List<String> readAll(Path dir) throws IOException {
        List<String> contents = new ArrayList<>();
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                if (Files.isRegularFile(path)) {
                    byte[] bytes = Files.readAllBytes(path);
                    contents.add(new String(bytes, StandardCharsets.ISO_8859_1));
                    contents.add(new String(bytes, StandardCharsets.UTF_8));
                }
            }
        }
        return contents;
    }
}
