package dev.keyway.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ProviderEmulatorTest {

    private final ProviderEmulator emulator = new ProviderEmulator(new ProviderEmulator.Credentials(
            "gh-token", "xoxb-slack", "[email protected]", "jira-token", "vault-token"));
    private final HttpClient client = HttpClient.newHttpClient();

    ProviderEmulatorTest() throws Exception {
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder at(String provider, String path) {
        return HttpRequest.newBuilder(URI.create(emulator.baseUrl(provider) + path));
    }

    @Test
    void githubWantsTheBearerToken() throws Exception {
        assertThat(send(at("github", "/user").header("Authorization", "Bearer gh-token")).body()).contains("\"login\":\"keyway-demo\"");
        assertThat(send(at("github", "/user").header("Authorization", "Bearer nope")).statusCode()).isEqualTo(401);
        assertThat(send(at("github", "/user")).statusCode()).isEqualTo(401);
    }

    @Test
    void slackPostsAMessageOrSaysInvalidAuth() throws Exception {
        HttpResponse<String> posted = send(at("slack", "/api/chat.postMessage").header("Authorization", "Bearer xoxb-slack")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"channel\":\"C123\",\"text\":\"hi \\\"there\\\"\"}")));
        assertThat(posted.body()).contains("\"ok\":true", "\"channel\":\"C123\"", "hi \\\"there\\\"");
        assertThat(send(at("slack", "/api/chat.postMessage").POST(HttpRequest.BodyPublishers.ofString("{}"))).body())
                .contains("invalid_auth");
    }

    @Test
    void jiraWantsBasicOfEmailAndToken() throws Exception {
        String basic = Base64.getEncoder().encodeToString("[email protected]:jira-token".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> search = send(at("jira", "/rest/api/3/search?jql=project%3DKW").header("Authorization", "Basic " + basic));
        assertThat(search.statusCode()).isEqualTo(200);
        assertThat(search.body()).contains("KW-1", "\"jql\":\"project=KW\"");
        assertThat(send(at("jira", "/rest/api/3/search")).statusCode()).isEqualTo(401);
    }

    @Test
    void vaultServesKvV2WithTokenCheck() throws Exception {
        emulator.putVaultSecret("secret", "apps/billing", "{\"api_key\":\"sk-demo\"}");
        HttpResponse<String> read = send(at("vault", "/v1/secret/data/apps/billing").header("X-Vault-Token", "vault-token"));
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).contains("\"data\":{\"data\":{\"api_key\":\"sk-demo\"}");
        assertThat(send(at("vault", "/v1/secret/data/apps/billing").header("X-Vault-Token", "wrong")).statusCode()).isEqualTo(403);
        assertThat(send(at("vault", "/v1/secret/data/missing").header("X-Vault-Token", "vault-token")).statusCode()).isEqualTo(404);
        assertThat(emulator.seen()).extracting(ProviderEmulator.Seen::authenticated).containsExactly(true, false, true);
    }
}
