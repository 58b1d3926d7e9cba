package dev.keyway.connections.http;

import dev.keyway.api.NodeException;
import dev.keyway.api.Secret;
import dev.keyway.connections.ConnectionType;
import dev.keyway.connections.providers.CredentialField;
import dev.keyway.connections.providers.InjectionRule;
import dev.keyway.connections.providers.Placement;
import dev.keyway.connections.providers.Provider;
import dev.keyway.connections.providers.Template;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Turns a connection's fields into the headers, query parameters and cookies its provider
 * expects, following the provider's injection rules. Stateless and thread-safe.
 */
public final class CredentialInjector {

    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    /**
     * @param provider the catalogue entry
     * @param kind     the connection's auth kind (OAuth connections use the OAuth rules)
     * @param fields   the connection's values by field name
     * @throws NodeException {@code credential_field_missing} naming the field (never a value), or
     *                       {@code invalid_credential_settings} when a name does not fit HTTP
     */
    public Injection inject(Provider provider, ConnectionType kind, Map<String, Secret> fields) {
        List<NamedSecret> headers = new ArrayList<>();
        List<NamedSecret> query = new ArrayList<>();
        List<NamedSecret> cookies = new ArrayList<>();
        Function<String, Object> values = name -> valueOf(provider, fields, name);
        for (InjectionRule rule : provider.injectionFor(kind)) {
            if (!applies(rule, values) || usesMissingOptionalField(provider, rule, fields)) {
                continue;
            }
            try {
                if (rule.in() == Placement.BASIC) {
                    headers.add(new NamedSecret("Authorization", basic(rule, values)));
                    continue;
                }
                String name = String.valueOf(rule.name().render(values));
                if (!TOKEN.matcher(name).matches()) {
                    throw new NodeException("invalid_credential_settings", "the %s connection's %s name is not a "
                            + "valid HTTP token; edit the connection", provider.id(), rule.in().id());
                }
                NamedSecret part = new NamedSecret(name, asSecret(valueTemplate(provider, rule, values).render(values)));
                (rule.in() == Placement.HEADER ? headers : rule.in() == Placement.QUERY ? query : cookies).add(part);
            } catch (Template.MissingValueException e) {
                throw missingField(provider, e.name());
            }
        }
        return new Injection(headers, query, cookies);
    }

    private static Object valueOf(Provider provider, Map<String, Secret> fields, String name) {
        Secret value = fields.get(name);
        if (value != null) {
            return provider.isSecretField(name) ? value : value.reveal();
        }
        return provider.field(name).map(CredentialField::defaultValue).orElse(null);
    }

    private static boolean applies(InjectionRule rule, Function<String, Object> values) {
        return rule.condition().map(c -> c.equals().equals(String.valueOf(values.apply(c.field())))).orElse(true);
    }

    /** A rule that needs an optional field the connection leaves empty is skipped, not failed. */
    private static boolean usesMissingOptionalField(Provider provider, InjectionRule rule, Map<String, Secret> fields) {
        List<Template> templates = new ArrayList<>();
        for (Template t : new Template[] {rule.template(), rule.username(), rule.password()}) {
            if (t != null) {
                templates.add(t);
            }
        }
        return templates.stream().flatMap(t -> t.names().stream()).anyMatch(name -> !fields.containsKey(name)
                && provider.field(name).map(f -> !f.required() && f.defaultValue() == null).orElse(false));
    }

    private static Template valueTemplate(Provider provider, InjectionRule rule, Function<String, Object> values) {
        if (rule.template() != null) {
            return rule.template();
        }
        Object source = values.apply(rule.templateFrom());
        if (source == null) {
            throw missingField(provider, rule.templateFrom());
        }
        try {
            return Template.parse(String.valueOf(source));
        } catch (IllegalArgumentException e) {
            throw new NodeException("invalid_credential_settings", "field '%s' of the %s connection is not a valid "
                    + "template: %s", rule.templateFrom(), provider.id(), e.getMessage());
        }
    }

    private static NodeException missingField(Provider provider, String field) {
        return new NodeException("credential_field_missing", "the %s connection has no value for field '%s'; "
                + "edit the connection and fill it in", provider.id(), field);
    }

    private static Secret basic(InjectionRule rule, Function<String, Object> values) {
        String user = plain(rule.username().render(values));
        String password = plain(rule.password().render(values));
        String encoded = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return Secret.of("Basic " + encoded);
    }

    private static String plain(Object rendered) {
        return rendered instanceof Secret secret ? secret.reveal() : String.valueOf(rendered);
    }

    private static Secret asSecret(Object rendered) {
        return rendered instanceof Secret secret ? secret : Secret.of(String.valueOf(rendered));
    }
}
