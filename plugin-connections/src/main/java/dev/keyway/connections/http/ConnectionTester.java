package dev.keyway.connections.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyway.api.NodeException;
import dev.keyway.api.Secret;
import dev.keyway.connections.ConnectionType;
import dev.keyway.connections.json.PluginJson;
import dev.keyway.connections.providers.Provider;
import dev.keyway.connections.providers.Template;
import dev.keyway.connections.providers.TestRequest;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Proves a connection's credentials work by sending its provider's test request, with the
 * same injection, host and redirect rules as any other request. For the store's "test
 * connection" action and the ACTIVE / NOT ACTIVE status.
 */
public final class ConnectionTester {

    private static final ObjectMapper JSON = PluginJson.mapper();

    private final SafeHttpClient http;
    private final CredentialInjector injector;

    public ConnectionTester(SafeHttpClient http, CredentialInjector injector) {
        this.http = http;
        this.injector = injector;
    }

    /**
     * @param owner        names the connection in messages, e.g. its id
     * @param allowedHosts the connection's hosts, or empty to use the provider's
     * @param timeout      how long the test may take
     */
    public TestOutcome test(Provider provider, ConnectionType kind, Map<String, Secret> fields, String owner,
            List<String> allowedHosts, Duration timeout) {
        if (provider.testIfAny().isEmpty()) {
            return new TestOutcome(TestOutcome.Verdict.NOT_TESTED, 0,
                    "provider " + provider.id() + " defines no test request; the credentials were not checked");
        }
        TestRequest test = provider.test();
        try {
            URI url = url(provider, test, fields);
            List<String> hosts = allowedHosts.isEmpty() ? provider.resolveAllowedHosts(fields) : allowedHosts;
            OutgoingRequest.Credentials credentials = new OutgoingRequest.Credentials(owner, new AllowedHosts(hosts),
                    injector.inject(provider, kind, fields));
            OutgoingRequest.Body body = test.body() == null ? null
                    : new OutgoingRequest.Body(test.body().getBytes(StandardCharsets.UTF_8), "application/json", false);
            HttpResult result = http.send(new OutgoingRequest(test.method(), url, List.of(), List.of(), body,
                    credentials, new OutgoingRequest.Limits(timeout, 1024 * 1024, true, 5)));
            return judge(test, result);
        } catch (NodeException e) {
            return new TestOutcome(TestOutcome.Verdict.FAILED, 0, e.getMessage());
        } catch (IllegalArgumentException e) {
            return new TestOutcome(TestOutcome.Verdict.FAILED, 0,
                    "the connection's settings are incomplete: " + e.getMessage());
        }
    }

    private static URI url(Provider provider, TestRequest test, Map<String, Secret> fields) {
        String path = provider.fillSettings(Template.parse(test.path()), fields);
        if (path.startsWith("https://") || path.startsWith("http://")) {
            return URI.create(path);
        }
        String base = provider.resolveBaseUrl(fields).orElseThrow(() -> new IllegalArgumentException(
                "provider " + provider.id() + " has a relative test path but no base URL"));
        return URI.create(base + path);
    }

    private static TestOutcome judge(TestRequest test, HttpResult result) {
        if (!test.successStatus().contains(result.status())) {
            return new TestOutcome(TestOutcome.Verdict.FAILED, result.status(), test.method() + " "
                    + result.displayUrl() + " answered " + result.status() + "; the credentials were refused or lack "
                    + "permissions");
        }
        if (test.jsonPointer() != null && !jsonMatches(result.body(), test.jsonPointer(), test.jsonEquals())) {
            return new TestOutcome(TestOutcome.Verdict.FAILED, result.status(), test.method() + " "
                    + result.displayUrl() + " answered " + result.status() + " but " + test.jsonPointer()
                    + " was not " + test.jsonEquals() + "; the credentials were refused");
        }
        return new TestOutcome(TestOutcome.Verdict.PASSED, result.status(), "the credentials work");
    }

    private static boolean jsonMatches(byte[] body, String pointer, Object expected) {
        try {
            JsonNode found = JSON.readTree(body).at(pointer);
            return !found.isMissingNode() && found.equals(JSON.valueToTree(expected));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
