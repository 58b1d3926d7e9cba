package dev.keyway.connections.oauth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyway.api.Secret;
import dev.keyway.connections.json.PluginJson;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * A successful token endpoint answer (RFC 6749 section 5.1).
 *
 * @param accessToken  the access token
 * @param refreshToken a (possibly rotated) refresh token, or null when the provider sent none
 * @param expiresIn    lifetime in seconds, or null when not given
 * @param scopes       the granted scopes when the provider says, else null (then the requested ones hold)
 * @param account      the account's login or e-mail from an OpenID id_token, or null
 */
public record TokenResponse(Secret accessToken, Secret refreshToken, Long expiresIn, List<String> scopes,
                            String account) {

    private static final ObjectMapper JSON = PluginJson.mapper();

    /**
     * When the access token expires: {@code expires_in} from {@code now}, else a JWT access token's
     * {@code exp}, else null (the token is then renewed only when a provider answers 401).
     */
    public Instant expiresAt(Instant now) {
        if (expiresIn != null) {
            return now.plusSeconds(expiresIn);
        }
        JsonNode claims = jwtClaims(accessToken.reveal());
        return claims != null && claims.path("exp").canConvertToLong()
                ? Instant.ofEpochSecond(claims.get("exp").asLong()) : null;
    }

    @Override
    public String toString() {
        return "TokenResponse[expiresIn=" + expiresIn + ", scopes=" + scopes + ", refresh="
                + (refreshToken != null) + "]";
    }

    /** Reads a JSON answer; an {@code error} member (GitHub answers 200 with one) is an {@link OAuthException}. */
    static TokenResponse parse(byte[] body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (java.io.IOException e) {
            throw new OAuthException("bad_response", "the token endpoint answered something that is not JSON; "
                    + "check the provider's token URL");
        } finally {
            Arrays.fill(body, (byte) 0);
        }
        if (root == null || !root.isObject()) {
            throw new OAuthException("bad_response", "the token endpoint answered JSON that is not an object");
        }
        if (root.hasNonNull("error")) {
            throw TokenEndpoint.refusal(root);
        }
        String access = root.path("access_token").asText("");
        if (access.isEmpty()) {
            throw new OAuthException("bad_response", "the token endpoint answered without an access_token");
        }
        String refresh = root.path("refresh_token").asText("");
        Long expiresIn = root.path("expires_in").canConvertToLong() && root.get("expires_in").asLong() > 0
                ? root.get("expires_in").asLong() : null;
        String scope = root.hasNonNull("scope") ? root.get("scope").asText().replace(',', ' ').strip() : null;
        List<String> scopes = scope == null ? null : scope.isEmpty() ? List.of() : List.of(scope.split("\\s+"));
        return new TokenResponse(Secret.of(access), refresh.isEmpty() ? null : Secret.of(refresh), expiresIn,
                scopes, account(root));
    }

    /** Who granted access, when the provider says so in an OpenID id_token (name claims, not the subject id). */
    private static String account(JsonNode root) {
        JsonNode claims = root.hasNonNull("id_token") ? jwtClaims(root.get("id_token").asText()) : null;
        if (claims == null) {
            return null;
        }
        for (String claim : List.of("preferred_username", "email", "name", "sub")) {
            if (claims.hasNonNull(claim) && !claims.get(claim).asText().isBlank()) {
                return claims.get(claim).asText();
            }
        }
        return null;
    }

    /** The claims of a JWT, unverified: only used for its expiry and display name, never to trust anyone. */
    private static JsonNode jwtClaims(String token) {
        String[] parts = token.split("\\.");
        if (parts.length != 3) {
            return null;
        }
        try {
            JsonNode claims = JSON.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
            return claims != null && claims.isObject() ? claims : null;
        } catch (IllegalArgumentException | java.io.IOException e) {
            return null;
        }
    }
}
