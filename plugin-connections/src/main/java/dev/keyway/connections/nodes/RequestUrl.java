package dev.keyway.connections.nodes;

import dev.keyway.api.NodeException;
import dev.keyway.api.Secret;
import dev.keyway.connections.providers.Template;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * Fills the {@code url} property: {@code {name}} from the {@code vars} input, URL-encoded, and
 * {@code {baseUrl}} from the connection, as is.
 */
final class RequestUrl {

    static final String BASE_URL = "baseUrl";

    /** A node's url is a property: the same text on every execution of the pattern. */
    private static final ParseCache<Template> TEMPLATES = new ParseCache<>(Template::parse);

    private RequestUrl() {
    }

    static URI build(String template, Map<?, ?> vars, String baseUrl) {
        Object filled;
        try {
            filled = TEMPLATES.get(template).render(name -> {
                Object value = BASE_URL.equals(name) ? baseUrl : vars.get(name);
                if (value instanceof Secret) {
                    throw new NodeException("secret_not_allowed", "url variable '%s' holds a secret; a URL path is "
                            + "logged and follows redirects, so send secrets in headers, query or a connection", name);
                }
                return value;
            }, (name, value) -> BASE_URL.equals(name) ? value
                    : URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20"));
        } catch (Template.MissingValueException e) {
            throw new NodeException("missing_value", BASE_URL.equals(e.name())
                    ? "url uses {baseUrl} but there is no connection or provider that gives a base URL"
                    : "url uses {%s} but vars has no '%s'; add it to the vars input", e.name(), e.name());
        } catch (IllegalArgumentException e) {
            throw new NodeException("invalid_url", "url '%s' is not a valid template: %s", template, e.getMessage());
        }
        URI uri;
        try {
            uri = new URI((String) filled);
        } catch (java.net.URISyntaxException e) {
            throw new NodeException("invalid_url", "url '%s' does not fill to a valid URL: %s", template, e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw new NodeException("invalid_url", "url '%s' must fill to an absolute http or https URL", template);
        }
        if (uri.getRawUserInfo() != null) {
            throw new NodeException("invalid_url", "url '%s' holds user information before the host; put credentials "
                    + "in a connection instead", template);
        }
        return uri;
    }
}
