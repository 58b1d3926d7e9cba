package dev.keyway.engine.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyway.engine.cli.Cli;
import dev.keyway.engine.testing.Canaries;
import dev.keyway.samples.ProviderEmulator;
import dev.keyway.samples.SampleRun;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9 through the engine and the real plugin zip: a step reads a credential from a Vault
 * emulation (KV v2), HTTP Request's secretPaths make it a secret, and the next step sends it to
 * GitHub's emulation as a bearer token. The Vault token itself comes in the payload as a trigger
 * credential, so no saved connection is needed; the saved-connection flavour is the
 * vault-to-service sample that SamplesIT runs.
 */
class SecretsStoreIT {

    private static final Path DISTRIBUTION = Path.of(System.getProperty("keyway.distribution", "target/keyway"));

    @TempDir
    Path home;

    @Test
    void aCredentialFetchedFromVaultIsASecretEverywhereAndDrivesTheNextCall() throws Exception {
        ProviderEmulator.Credentials credentials = SampleRun.demoCredentials();
        try (ProviderEmulator emulator = new ProviderEmulator(credentials)) {
            emulator.putVaultSecret("secret", "app", "{\"api_key\": \"" + credentials.githubToken() + "\"}");
            Path pattern = Files.writeString(home.resolve("fetch-and-call.json"), PATTERN);
            String payload = "{\"vaultToken\": \"" + credentials.vaultToken() + "\", \"vaultBase\": \""
                    + emulator.baseUrl("vault") + "\", \"apiBase\": \"" + emulator.baseUrl("github") + "\"}";

            Run ok = run(pattern, payload.replace("}", ", \"secretPath\": \"app\"}"));
            Run missing = run(pattern, payload.replace("}", ", \"secretPath\": \"nope\"}"));
            // Only the read: nothing downstream registers the value, so the mask is secretPaths' doing alone.
            Run readOnly = run(Files.writeString(home.resolve("read-only.json"), READ_ONLY),
                    payload.replace("}", ", \"secretPath\": \"app\"}"));

            assertThat(ok.status()).as(ok.err()).isZero();
            assertThat(ok.out()).contains("\"login\" : \"keyway-demo\"", "\"fetched\" : \"*****\"",
                    "\"copied\" : \"*****\"");
            assertThat(readOnly.status()).as(readOnly.err()).isZero();
            assertThat(readOnly.out()).contains("\"fetched\" : \"*****\"");
            assertThat(missing.status()).isEqualTo(1);
            assertThat(missing.err()).contains("failed at node 'vault' (http_error)", "404", "/v1/secret/data/nope");
            assertThat(emulator.seen()).extracting(ProviderEmulator.Seen::provider).containsOnly("vault", "github");
            assertThat(emulator.seen()).allSatisfy(s -> assertThat(s.authenticated()).isTrue());

            Map<String, String> forms = Canaries.forms(List.of(credentials.githubToken(), credentials.vaultToken()),
                    List.of());
            Canaries.assertAbsent("what keyway printed", ok.out() + ok.err() + missing.out() + missing.err()
                    + readOnly.out() + readOnly.err(), forms);
            Canaries.assertAbsentFromFiles(home.resolve("records"), forms);
        }
    }

    private Run run(Path pattern, String payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new Cli(Map.of("KEYWAY_HOME", home.toString()),
                new ByteArrayInputStream(payload.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
                .run("--plugins", DISTRIBUTION.resolve("plugins").toString(), "run", pattern.toString(), "--input", "-");
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** One {@code keyway run}: exit status and what it printed. */
    private record Run(int status, String out, String err) {
    }

    /** The Vault read alone, its fetched value straight to the outputs. */
    private static final String READ_ONLY = """
            {
              "id": "read-only",
              "name": "Fetch from Vault",
              "trigger": { "type": "manual", "credentials": ["vaultToken"] },
              "nodes": [ %s ],
              "outputs": { "fetched": { "from": "vault.body.data.data.api_key" } }
            }
            """.formatted(vaultRead("body.data.data.api_key"));

    /** Vault read with external Vault credentials from the payload, then GitHub with the fetched token. */
    private static final String PATTERN = """
            {
              "id": "fetch-and-call",
              "name": "Fetch from Vault, call GitHub",
              "trigger": { "type": "manual", "credentials": ["vaultToken"] },
              "nodes": [
                %s,
                { "id": "copy", "type": "connections.set-property",
                  "properties": { "path": "copied" },
                  "inputs": { "value": { "from": "vault.body.data.data.api_key" } } },
                { "id": "call", "type": "connections.http-request",
                  "properties": { "method": "GET", "url": "{baseUrl}/user" },
                  "inputs": { "provider": "bearer",
                              "credentials": { "token": { "from": "vault.body.data.data.api_key" },
                                               "base-url": { "from": "trigger.apiBase" } } } }
              ],
              "outputs": {
                "login": { "from": "call.body.login" },
                "fetched": { "from": "vault.body.data.data.api_key" },
                "copied": { "from": "copy.object.copied" }
              }
            }
            """.formatted(vaultRead("body.data.data"));

    /** The node that reads secret/{secretPath} with the Vault token and address from the payload. */
    private static String vaultRead(String secretPath) {
        return """
                { "id": "vault", "type": "connections.http-request",
                  "properties": { "method": "GET", "url": "{baseUrl}/v1/secret/data/{path}",
                                  "secretPaths": ["%s"] },
                  "inputs": { "vars": { "path": { "from": "trigger.secretPath" } },
                              "provider": "vault",
                              "credentials": { "token": { "from": "trigger.vaultToken" },
                                               "base-url": { "from": "trigger.vaultBase" } } } }""".formatted(secretPath);
    }
}
