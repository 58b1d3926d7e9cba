package dev.keyway.connections.http;

import dev.keyway.api.Secret;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A request for {@link SafeHttpClient}: what to send, which credentials ride along and the
 * limits it must respect.
 *
 * @param method      HTTP method, upper case
 * @param url         absolute http(s) URL; its own query must hold no credential material
 * @param headers     extra headers; values are Strings or {@link Secret}s
 * @param query       extra query parameters; values are Strings or {@link Secret}s
 * @param body        the body, or null
 * @param credentials the connection's credentials, or {@link Credentials#NONE}
 * @param limits      time, size and redirect limits
 */
public record OutgoingRequest(
        String method, URI url, List<Field> headers, List<Field> query, Body body, Credentials credentials,
        Limits limits) {

    /** Header names that carry credentials whatever their value type. */
    private static final Set<String> CREDENTIAL_HEADERS = Set.of("authorization", "proxy-authorization", "cookie");

    public OutgoingRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(url, "url");
        headers = List.copyOf(headers);
        query = List.copyOf(query);
        credentials = credentials == null ? Credentials.NONE : credentials;
        Objects.requireNonNull(limits, "limits");
    }

    /** True when anything in this request is credential material. */
    boolean carriesCredentials() {
        return !credentials.injection().isEmpty()
                || headers.stream().anyMatch(Field::isCredentialHeader)
                || query.stream().anyMatch(Field::isSecret)
                || body != null && body.carriesSecret();
    }

    /**
     * One header or query parameter.
     *
     * @param name  its name
     * @param value a String or a {@link Secret}
     */
    public record Field(String name, Object value) {

        public Field {
            Objects.requireNonNull(name, "name");
            if (!(value instanceof String || value instanceof Secret)) {
                throw new IllegalArgumentException("value of '" + name + "' must be text or a secret");
            }
        }

        boolean isSecret() {
            return value instanceof Secret;
        }

        boolean isCredentialHeader() {
            return isSecret() || CREDENTIAL_HEADERS.contains(name.toLowerCase(Locale.ROOT));
        }

        /** The text to write; a secret is revealed only here, as the request is built. */
        String text() {
            return value instanceof Secret secret ? secret.reveal() : (String) value;
        }
    }

    /**
     * A request body.
     *
     * @param bytes         the encoded body
     * @param contentType   its media type
     * @param carriesSecret whether a secret was written into it (it must then never go to another origin)
     */
    public record Body(byte[] bytes, String contentType, boolean carriesSecret) {

        public Body {
            Objects.requireNonNull(bytes, "bytes");
            Objects.requireNonNull(contentType, "contentType");
        }
    }

    /**
     * Credentials injected for a connection, and where they may go.
     *
     * @param owner        names the connection in errors, e.g. its id; never a secret
     * @param allowedHosts the only hosts that may receive them
     * @param injection    the headers, query parameters and cookies to add
     */
    public record Credentials(String owner, AllowedHosts allowedHosts, Injection injection) {

        public static final Credentials NONE = new Credentials("none", new AllowedHosts(List.of()), Injection.NONE);

        public Credentials {
            Objects.requireNonNull(owner, "owner");
            Objects.requireNonNull(allowedHosts, "allowedHosts");
            Objects.requireNonNull(injection, "injection");
        }
    }

    /**
     * @param timeout          the whole exchange, redirects included (already capped by the node's deadline)
     * @param maxResponseBytes the largest body accepted
     * @param followRedirects  whether to follow 3xx answers, hop by hop
     * @param maxRedirects     how many hops at most
     */
    public record Limits(Duration timeout, long maxResponseBytes, boolean followRedirects, int maxRedirects) {

        public Limits {
            Objects.requireNonNull(timeout, "timeout");
            if (maxResponseBytes < 0 || maxRedirects < 0) {
                throw new IllegalArgumentException("limits must not be negative");
            }
        }
    }
}
