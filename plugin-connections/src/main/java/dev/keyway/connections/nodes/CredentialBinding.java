package dev.keyway.connections.nodes;

import dev.keyway.api.NodeContext;
import dev.keyway.api.NodeException;
import dev.keyway.api.Secret;
import dev.keyway.connections.ConnectionType;
import dev.keyway.connections.http.AllowedHosts;
import dev.keyway.connections.http.Injection;
import dev.keyway.connections.http.OutgoingRequest;
import dev.keyway.connections.providers.Provider;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A connection's credentials made ready for one request: what to inject, where it may go, the
 * base URL, and the plaintexts to keep out of outputs.
 *
 * @param credentials what {@link dev.keyway.connections.http.SafeHttpClient} needs
 * @param baseUrl     the API root, or null
 * @param secrets     every secret involved (fields and injected values), for masking
 */
record CredentialBinding(OutgoingRequest.Credentials credentials, String baseUrl, List<Secret> secrets) {

    private static final String BASE_URL = "base-url";

    static final CredentialBinding NONE = new CredentialBinding(OutgoingRequest.Credentials.NONE, null, List.of());

    /** For a stored connection. */
    static CredentialBinding of(ResolvedConnection connection, NodeServices services) {
        Provider provider = provider(services, connection.provider(), "connection " + connection.id());
        ConnectionType kind = kind(provider, connection.type(), "connection " + connection.id());
        Map<String, Secret> fields = withBaseUrl(provider, connection);
        List<String> hosts = connection.allowedHosts().isEmpty()
                ? hosts(provider, fields, connection.id())
                : connection.allowedHosts();
        String baseUrl = connection.baseUrl() != null ? connection.baseUrl()
                : baseUrl(provider, fields, connection.id());
        return bind(provider, kind, fields, connection.id(), hosts, baseUrl, services);
    }

    /**
     * A connection's own base URL fills the provider's {@code base-url} setting when the connection has
     * none, so templates over it (allowed hosts: the base URL's host) work for either way of giving
     * it. Only for providers that declare the field: an undeclared field would count as secret.
     */
    private static Map<String, Secret> withBaseUrl(Provider provider, ResolvedConnection connection) {
        if (connection.baseUrl() == null || connection.fields().containsKey(BASE_URL)
                || provider.field(BASE_URL).isEmpty()) {
            return connection.fields();
        }
        Map<String, Secret> fields = new LinkedHashMap<>(connection.fields());
        fields.put(BASE_URL, Secret.of(connection.baseUrl()));
        return fields;
    }

    /** For credentials passed in at run time ({@code provider} + {@code credentials} inputs). */
    static CredentialBinding external(String providerId, String type, Map<?, ?> values, NodeServices services) {
        String owner = "external credentials for " + providerId;
        Provider provider = provider(services, providerId, owner);
        ConnectionType kind = type == null ? provider.authKinds().get(0) : kind(provider, type, owner);
        Map<String, Secret> fields = new LinkedHashMap<>();
        values.forEach((name, value) -> {
            if (value instanceof Secret secret) {
                fields.put(String.valueOf(name), secret);
            } else if (value instanceof String text && !text.isEmpty()) {
                fields.put(String.valueOf(name), Secret.of(text));
            } else if (value != null) {
                throw new NodeException("invalid_credentials", "credentials field '%s' must be text or a secret", name);
            }
        });
        return bind(provider, kind, fields, owner, hosts(provider, fields, owner), baseUrl(provider, fields, owner),
                services);
    }

    private static CredentialBinding bind(Provider provider, ConnectionType kind, Map<String, Secret> fields, String owner,
            List<String> hosts, String baseUrl, NodeServices services) {
        Injection injection = services.injector().inject(provider, kind, fields);
        List<Secret> secrets = new ArrayList<>(injection.secrets());
        fields.forEach((name, value) -> {
            if (provider.isSecretField(name)) {
                secrets.add(value);
            }
        });
        return new CredentialBinding(new OutgoingRequest.Credentials(owner, new AllowedHosts(hosts), injection),
                baseUrl, secrets);
    }

    /** Declares every secret to the execution so the host masks it wherever it shows up. */
    void register(NodeContext context) {
        secrets.forEach(context::registerSecret);
    }

    Optional<String> baseUrlIfAny() {
        return Optional.ofNullable(baseUrl);
    }

    private static Provider provider(NodeServices services, String id, String owner) {
        return services.catalogue().find(id).orElseThrow(() -> new NodeException("unknown_provider",
                "%s names provider '%s', which is not in the provider catalogue; use one of the catalogue's ids "
                        + "(e.g. github, slack, api_key, bearer)", owner, id));
    }

    private static ConnectionType kind(Provider provider, String type, String owner) {
        return ConnectionType.byId(type).filter(provider::supports).orElseThrow(() -> new NodeException(
                "unsupported_auth_type", "%s has type '%s', which provider %s does not support (it supports %s)",
                owner, type, provider.id(), provider.authKinds().stream().map(ConnectionType::id).toList()));
    }

    private static List<String> hosts(Provider provider, Map<String, Secret> fields, String owner) {
        try {
            return provider.resolveAllowedHosts(fields);
        } catch (IllegalArgumentException e) {
            throw new NodeException("invalid_credential_settings", "the allowed hosts of %s cannot be worked out: %s; "
                    + "check its settings (e.g. base-url)", owner, e.getMessage());
        }
    }

    private static String baseUrl(Provider provider, Map<String, Secret> fields, String owner) {
        try {
            return provider.resolveBaseUrl(fields).orElse(null);
        } catch (IllegalArgumentException e) {
            throw new NodeException("invalid_credential_settings", "the base URL of %s cannot be worked out: %s; "
                    + "check its settings (e.g. base-url)", owner, e.getMessage());
        }
    }
}
