package dev.keyway.connections.providers;

import dev.keyway.api.Secret;
import dev.keyway.connections.ConnectionType;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * One entry of the provider catalogue: how to talk to a service and where its credentials may go.
 * Loaded from {@code providers.json} by {@link ProviderCatalogue}; adding a provider is a data change.
 *
 * @param id           stable id used by connections, e.g. {@code github}
 * @param displayName  what people see
 * @param authKinds    the kinds of connection this provider supports, most usual first
 * @param fields       the values a non-OAuth connection holds (and non-secret settings shared with OAuth)
 * @param injection    how a non-OAuth connection's credentials are sent
 * @param baseUrl      API root, a template over non-secret fields (e.g. {@code {base-url}}); may be null
 * @param allowedHosts host patterns that may receive the credentials: exact, {@code *.suffix}, or a
 *                     template over non-secret fields (a filled value that is a URL stands for its host)
 * @param test         the request that proves the credentials; may be null
 * @param oauth        OAuth endpoints, or null when the provider has no OAuth
 * @param secrets      environment secrets seeded from the connection's fields
 */
public record Provider(
        String id,
        String displayName,
        List<ConnectionType> authKinds,
        List<CredentialField> fields,
        List<InjectionRule> injection,
        Template baseUrl,
        List<Template> allowedHosts,
        TestRequest test,
        OAuthSpec oauth,
        List<SeededSecret> secrets) {

    private static final Pattern HOST_PATTERN =
            Pattern.compile("(\\*\\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*");
    private static final Pattern IPV6_LITERAL = Pattern.compile("\\[[0-9a-f:.]+]");

    public Provider {
        Objects.requireNonNull(id, "id");
        authKinds = List.copyOf(authKinds);
        fields = List.copyOf(fields);
        injection = List.copyOf(injection);
        allowedHosts = List.copyOf(allowedHosts);
        secrets = List.copyOf(secrets);
    }

    /**
     * This provider with {@code url} as its API root, for a connection to a self-hosted or emulated
     * instance: the connection's base URL replaces the catalogue's wholesale, as it does for nodes.
     */
    public Provider withBaseUrl(String url) {
        return new Provider(id, displayName, authKinds, fields, injection, Template.parse(url), allowedHosts, test,
                oauth, secrets);
    }

    public Optional<OAuthSpec> oauthIfAny() {
        return Optional.ofNullable(oauth);
    }

    public Optional<TestRequest> testIfAny() {
        return Optional.ofNullable(test);
    }

    public Optional<CredentialField> field(String name) {
        return fields.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    public boolean supports(ConnectionType kind) {
        return authKinds.contains(kind);
    }

    /** The rules for a connection of {@code kind}: the OAuth ones for OAuth, the provider's otherwise. */
    public List<InjectionRule> injectionFor(ConnectionType kind) {
        return kind == ConnectionType.OAUTH && oauth != null ? oauth.injection() : injection;
    }

    /** Whether a field's value is credential material; fields the catalogue does not know count as secret. */
    public boolean isSecretField(String name) {
        return field(name).map(CredentialField::secret).orElse(true);
    }

    /**
     * The API root for a connection with {@code values}, without a trailing slash.
     *
     * @return empty when the provider has no base URL
     * @throws IllegalArgumentException when a field it needs is missing or it is not an http(s) URL
     */
    public Optional<String> resolveBaseUrl(Map<String, Secret> values) {
        if (baseUrl == null) {
            return Optional.empty();
        }
        String url = String.valueOf(baseUrl.render(settings(values)));
        URI uri = URI.create(url);
        if (uri.getHost() == null || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
            throw new IllegalArgumentException("the base URL of a " + id + " connection must be an http(s) URL");
        }
        return Optional.of(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
    }

    /**
     * The host patterns that may receive this connection's credentials, lower case.
     *
     * @throws IllegalArgumentException when a filled pattern is not a host name
     */
    public List<String> resolveAllowedHosts(Map<String, Secret> values) {
        List<String> hosts = new ArrayList<>();
        for (Template template : allowedHosts) {
            String filled = String.valueOf(template.render(settings(values))).trim();
            String host = filled.contains("://") ? URI.create(filled).getHost() : filled;
            host = host == null ? "" : host.toLowerCase(Locale.ROOT);
            if (!HOST_PATTERN.matcher(host).matches() && !IPV6_LITERAL.matcher(host).matches()) {
                throw new IllegalArgumentException("allowed host pattern '" + template
                        + "' of provider " + id + " does not fill to a host name");
            }
            hosts.add(host);
        }
        return hosts;
    }

    /**
     * Fills a template over this provider's non-secret fields, e.g. a test request path.
     *
     * @throws Template.MissingValueException when a field it needs has no value
     */
    public String fillSettings(Template template, Map<String, Secret> values) {
        return String.valueOf(template.render(settings(values)));
    }

    /** Non-secret values with field defaults applied; templates over settings never see a secret. */
    Function<String, Object> settings(Map<String, Secret> values) {
        return name -> {
            Secret value = values.get(name);
            if (value != null) {
                return value.reveal();
            }
            return field(name).map(CredentialField::defaultValue).orElse(null);
        };
    }
}
