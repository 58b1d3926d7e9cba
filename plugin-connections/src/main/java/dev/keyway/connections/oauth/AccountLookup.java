package dev.keyway.connections.oauth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyway.api.Secret;
import dev.keyway.connections.ConnectionType;
import dev.keyway.connections.http.AllowedHosts;
import dev.keyway.connections.http.CredentialInjector;
import dev.keyway.connections.http.HttpResult;
import dev.keyway.connections.http.OutgoingRequest;
import dev.keyway.connections.http.SafeHttpClient;
import dev.keyway.connections.json.PluginJson;
import dev.keyway.connections.providers.Provider;
import dev.keyway.connections.providers.Template;
import dev.keyway.connections.providers.TestRequest;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds who granted access, for the connection's name and an {@code account:} tag: the
 * provider's test request (GitHub's and GitLab's {@code GET /user}) made with the new token, reading
 * the usual login fields. A nicety: any failure just leaves the account unknown.
 */
final class AccountLookup {

    private static final List<String> LOGIN_FIELDS = List.of("login", "username", "email", "name");
    private static final ObjectMapper JSON = PluginJson.mapper();

    private final OAuthClients clients;
    private final SafeHttpClient http;
    private final CredentialInjector injector = new CredentialInjector();

    AccountLookup(OAuthClients clients, SafeHttpClient http) {
        this.clients = clients;
        this.http = http;
    }

    Optional<String> find(String providerId, String baseUrl, Secret token) {
        try {
            Provider catalogued = clients.provider(providerId);
            Provider provider = baseUrl == null ? catalogued : catalogued.withBaseUrl(baseUrl);
            TestRequest test = provider.testIfAny().filter(t -> "GET".equals(t.method())).orElse(null);
            if (test == null) {
                return Optional.empty();
            }
            Map<String, Secret> fields = new HashMap<>();
            fields.put(OAuthFields.TOKEN, token);
            if (baseUrl != null) {
                fields.put("base-url", Secret.of(baseUrl));
            }
            String path = provider.fillSettings(Template.parse(test.path()), fields);
            URI url = URI.create(path.startsWith("http") ? path : provider.resolveBaseUrl(fields).orElseThrow() + path);
            OutgoingRequest request = new OutgoingRequest("GET", url, List.of(), List.of(), null,
                    new OutgoingRequest.Credentials(providerId + " account lookup",
                            new AllowedHosts(provider.resolveAllowedHosts(fields)),
                            injector.inject(provider, ConnectionType.OAUTH, fields)),
                    new OutgoingRequest.Limits(Duration.ofSeconds(10), 256 * 1024, false, 0));
            HttpResult result = http.send(request);
            if (!result.isSuccess()) {
                return Optional.empty();
            }
            JsonNode user = JSON.readTree(result.body());
            return LOGIN_FIELDS.stream().filter(f -> user != null && user.path(f).isTextual())
                    .map(f -> user.get(f).asText().replaceAll("\\p{Cntrl}", "").strip())
                    .filter(s -> !s.isEmpty() && s.length() <= 200).findFirst();
        } catch (RuntimeException | java.io.IOException e) {
            return Optional.empty();
        }
    }
}
