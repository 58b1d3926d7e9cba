package dev.keyway.connections.oauth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keyway.api.NodeException;
import dev.keyway.api.Secret;
import dev.keyway.connections.http.AllowedHosts;
import dev.keyway.connections.http.HttpResult;
import dev.keyway.connections.http.Injection;
import dev.keyway.connections.http.NamedSecret;
import dev.keyway.connections.http.OutgoingRequest;
import dev.keyway.connections.http.SafeHttpClient;
import dev.keyway.connections.json.PluginJson;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The calls an engine makes to a provider's OAuth endpoints: code exchange (with the PKCE
 * verifier), refresh, client credentials and revocation. Requests go through the plugin's
 * {@link SafeHttpClient} (no redirects, no metadata addresses, bounded answers); the client
 * authenticates with HTTP Basic (RFC 6749 section 2.3.1, which every server must accept), and the
 * credentials are sent only to the endpoint's own host.
 */
public final class TokenEndpoint {

    private static final Duration TIMEOUT = Duration.ofSeconds(15);
    private static final long MAX_ANSWER = 256 * 1024;
    private static final Pattern ERROR_CODE = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    private final SafeHttpClient http;

    public TokenEndpoint(SafeHttpClient http) {
        this.http = http;
    }

    /** Authorization code grant with PKCE (RFC 6749 4.1.3, RFC 7636 4.5). */
    public TokenResponse exchangeCode(OAuthClient client, Secret code, String redirectUri, Secret verifier) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", redirectUri);
        form.put("code_verifier", verifier);
        return tokens(client, form);
    }

    /** Refresh token grant (RFC 6749 section 6); the answer may carry a rotated refresh token. */
    public TokenResponse refresh(OAuthClient client, Secret refreshToken) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("refresh_token", refreshToken);
        return tokens(client, form);
    }

    /** Client credentials grant (RFC 6749 section 4.4), for machine-to-machine connections. */
    public TokenResponse clientCredentials(OAuthClient client, List<String> scopes) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        if (!scopes.isEmpty()) {
            form.put("scope", String.join(" ", scopes));
        }
        return tokens(client, form);
    }

    /**
     * Revokes one token (RFC 7009). The server answers 200 for tokens it does not know, too.
     *
     * @throws OAuthException when the endpoint is down or refuses
     */
    public void revoke(OAuthClient client, Secret token, String hint) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("token", token);
        form.put("token_type_hint", hint);
        HttpResult result = post(client, client.revokeUrl(), form);
        if (result.status() != 200) {
            throw failure(result, "revocation");
        }
    }

    private TokenResponse tokens(OAuthClient client, Map<String, Object> form) {
        HttpResult result = post(client, client.tokenUrl(), form);
        if (result.status() == 200) {
            return TokenResponse.parse(result.body());
        }
        throw failure(result, "token");
    }

    private static OAuthException failure(HttpResult result, String endpoint) {
        try {
            JsonNode root = PluginJson.mapper().readTree(result.body());
            if (root != null && root.hasNonNull("error")) {
                return refusal(root);
            }
        } catch (java.io.IOException | RuntimeException e) {
            // Not an RFC 6749 error document: report the status alone.
        } finally {
            Arrays.fill(result.body(), (byte) 0);
        }
        return new OAuthException(result.status() >= 500 ? "unreachable" : "bad_response",
                "the provider's %s endpoint %s answered HTTP %d", endpoint, result.displayUrl(), result.status());
    }

    /**
     * An RFC 6749 error answer. Only the error code is repeated: descriptions are free text a
     * provider might fill with what it was sent.
     */
    static OAuthException refusal(JsonNode root) {
        String error = root.get("error").asText();
        String code = ERROR_CODE.matcher(error).matches() ? error : "invalid_request";
        return new OAuthException(code, "the provider refused: %s", code);
    }

    private HttpResult post(OAuthClient client, URI url, Map<String, Object> form) {
        byte[] body = encode(form);
        String basic = URLEncoder.encode(client.clientId(), StandardCharsets.UTF_8) + ":"
                + URLEncoder.encode(client.clientSecret().reveal(), StandardCharsets.UTF_8);
        Secret authorization = Secret.of("Basic " + Base64.getEncoder().encodeToString(
                basic.getBytes(StandardCharsets.UTF_8)));
        Injection injection = new Injection(List.of(new NamedSecret("Authorization", authorization)), List.of(), List.of());
        String port = url.getPort() < 0 ? "" : ":" + url.getPort();
        OutgoingRequest request = new OutgoingRequest("POST", url,
                List.of(new OutgoingRequest.Field("Accept", "application/json")), List.of(),
                new OutgoingRequest.Body(body, "application/x-www-form-urlencoded", true),
                new OutgoingRequest.Credentials(client.provider() + " OAuth client",
                        new AllowedHosts(List.of(url.getHost() + port)), injection),
                new OutgoingRequest.Limits(TIMEOUT, MAX_ANSWER, false, 0));
        try {
            return http.send(request);
        } catch (NodeException e) {
            // The client's messages name the endpoint and the failure, never what was sent.
            throw new OAuthException("unreachable", "the %s OAuth endpoint could not be reached: %s",
                    client.provider(), e.getMessage());
        } finally {
            Arrays.fill(body, (byte) 0);
            authorization.destroy();
        }
    }

    private static byte[] encode(Map<String, Object> form) {
        List<String> pairs = new ArrayList<>();
        form.forEach((name, value) -> pairs.add(name + "=" + URLEncoder.encode(
                value instanceof Secret secret ? secret.reveal() : String.valueOf(value), StandardCharsets.UTF_8)));
        return String.join("&", pairs).getBytes(StandardCharsets.UTF_8);
    }
}
