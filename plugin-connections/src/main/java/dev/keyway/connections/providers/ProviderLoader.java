package dev.keyway.connections.providers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyway.connections.ConnectionType;
import dev.keyway.connections.json.PluginJson;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a provider catalogue document and checks every entry, reporting all problems at once,
 * each located by JSON pointer and provider id, so a broken data change fails with a to-do list.
 */
final class ProviderLoader {

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_-]*");
    private static final Pattern FIELD_NAME = Pattern.compile("[a-z][a-z0-9-]*");
    private static final Pattern SECRET_NAME = Pattern.compile("[A-Z][A-Z0-9_]*");
    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD");
    private static final Set<String> ROOT_KEYS = Set.of("$schema", "description", "providers");
    private static final Set<String> PROVIDER_KEYS = Set.of("id", "displayName", "authKinds", "fields",
            "injection", "baseUrl", "allowedHosts", "test", "oauth", "secrets");
    private static final Set<String> FIELD_KEYS = Set.of("name", "label", "secret", "required", "default",
            "allowedValues");
    private static final Set<String> RULE_KEYS = Set.of("in", "name", "template", "templateFrom", "username",
            "password", "when");
    private static final Set<String> TEST_KEYS = Set.of("method", "path", "body", "successStatus", "expectJson");
    private static final Set<String> OAUTH_KEYS = Set.of("authorizeUrl", "tokenUrl", "revokeUrl",
            "defaultScopes", "injection");
    private static final Set<String> SEED_KEYS = Set.of("field", "name", "aliases");

    private final ObjectMapper json = PluginJson.mapper();
    private final String source;
    private final List<String> problems = new ArrayList<>();

    private ProviderLoader(String source) {
        this.source = source;
    }

    /**
     * @throws CatalogueException listing every problem found
     */
    static List<Provider> load(InputStream in, String source) {
        return new ProviderLoader(source).read(in);
    }

    private List<Provider> read(InputStream in) {
        JsonNode root;
        try {
            root = json.readTree(in);
        } catch (JsonProcessingException e) {
            throw new CatalogueException(source, List.of("not valid JSON at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage()));
        } catch (IOException e) {
            throw new CatalogueException(source, List.of("cannot be read: " + e.getMessage()));
        }
        List<Provider> providers = new ArrayList<>();
        if (root == null || !root.isObject() || !root.path("providers").isArray()) {
            problem("", "must be an object with a 'providers' array");
            throw new CatalogueException(source, problems);
        }
        unknownKeys(root, "", ROOT_KEYS);
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < root.get("providers").size(); i++) {
            JsonNode node = root.get("providers").get(i);
            String at = "/providers/" + i;
            if (!node.isObject()) {
                problem(at, "must be an object");
                continue;
            }
            String id = node.path("id").asText("");
            if (!ids.add(id)) {
                problem(at + "/id", "'" + id + "' is used by an earlier provider; ids must be unique");
            }
            Provider provider = new EntryReader(at + " (" + (id.isEmpty() ? "no id" : id) + ")", node).read();
            if (provider != null) {
                providers.add(provider);
            }
        }
        if (!problems.isEmpty()) {
            throw new CatalogueException(source, problems);
        }
        return providers;
    }

    private void problem(String at, String message) {
        problems.add((at.isEmpty() ? "/" : at) + ": " + message);
    }

    private void unknownKeys(JsonNode node, String at, Set<String> known) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                problem(at + "/" + name, "unknown key; expected one of " + new java.util.TreeSet<>(known));
            }
        }
    }

    /** Reads one provider entry; returns null when it has problems (already recorded). */
    private final class EntryReader {
        private final String at;
        private final JsonNode node;
        private final int before = problems.size();
        private final List<CredentialField> fields = new ArrayList<>();

        EntryReader(String at, JsonNode node) {
            this.at = at;
            this.node = node;
        }

        Provider read() {
            unknownKeys(node, at, PROVIDER_KEYS);
            String id = text(node, "id", at, true);
            if (id != null && !ID.matcher(id).matches()) {
                problem(at + "/id", "must be lower case letters, digits, '-' or '_'");
            }
            String displayName = text(node, "displayName", at, true);
            List<ConnectionType> kinds = authKinds();
            readFields();
            List<InjectionRule> injection = rules(node.path("injection"), at + "/injection", false);
            if (injection.isEmpty() && kinds.stream().anyMatch(k -> k != ConnectionType.OAUTH)) {
                problem(at + "/injection", "must have at least one rule for the non-OAuth auth kinds");
            }
            Template baseUrl = node.has("baseUrl") ? settingsTemplate(node.get("baseUrl"), at + "/baseUrl") : null;
            List<Template> hosts = allowedHosts();
            TestRequest test = node.has("test") ? test(node.get("test"), at + "/test") : null;
            OAuthSpec oauth = node.has("oauth") ? oauth(node.get("oauth"), at + "/oauth") : null;
            if (kinds.contains(ConnectionType.OAUTH) != (oauth != null)) {
                problem(at + "/oauth", "must be present exactly when authKinds contains 'oauth'");
            }
            List<SeededSecret> secrets = secrets();
            if (problems.size() > before) {
                return null;
            }
            return new Provider(id, displayName, kinds, fields, injection, baseUrl, hosts, test, oauth, secrets);
        }

        private List<ConnectionType> authKinds() {
            List<ConnectionType> kinds = new ArrayList<>();
            JsonNode array = node.path("authKinds");
            if (!array.isArray() || array.isEmpty()) {
                problem(at + "/authKinds", "must be a non-empty array of oauth, api_key, credentials, basic, bearer");
                return kinds;
            }
            for (int i = 0; i < array.size(); i++) {
                String kindId = array.get(i).asText();
                ConnectionType.byId(kindId).ifPresentOrElse(kind -> {
                    if (kinds.contains(kind)) {
                        problem(at + "/authKinds", "lists '" + kindId + "' twice");
                    }
                    kinds.add(kind);
                }, () -> problem(at + "/authKinds/" + kinds.size(), "unknown auth kind '" + kindId
                        + "'; use oauth, api_key, credentials, basic or bearer"));
            }
            return kinds;
        }

        private void readFields() {
            JsonNode array = node.path("fields");
            if (!array.isArray()) {
                problem(at + "/fields", "must be an array (may be empty)");
                return;
            }
            Set<String> names = new HashSet<>();
            for (int i = 0; i < array.size(); i++) {
                JsonNode f = array.get(i);
                String where = at + "/fields/" + i;
                unknownKeys(f, where, FIELD_KEYS);
                String name = text(f, "name", where, true);
                if (name == null) {
                    continue;
                }
                if (!FIELD_NAME.matcher(name).matches() || !names.add(name)) {
                    problem(where + "/name", "'" + name + "' must be unique, lower case letters, digits and '-'");
                }
                if (!f.path("secret").isBoolean()) {
                    problem(where + "/secret", "must be true or false: is this credential material?");
                }
                boolean secret = f.path("secret").asBoolean(true);
                String defaultValue = text(f, "default", where, false);
                if (secret && defaultValue != null) {
                    problem(where + "/default", "a secret field cannot have a default");
                }
                List<String> allowed = strings(f.path("allowedValues"), where + "/allowedValues");
                if (defaultValue != null && !allowed.isEmpty() && !allowed.contains(defaultValue)) {
                    problem(where + "/default", "must be one of allowedValues");
                }
                fields.add(new CredentialField(name, text(f, "label", where, true), secret,
                        f.path("required").asBoolean(true), defaultValue, allowed));
            }
        }

        private List<InjectionRule> rules(JsonNode array, String where, boolean oauth) {
            List<InjectionRule> rules = new ArrayList<>();
            if (array.isMissingNode()) {
                return rules;
            }
            if (!array.isArray()) {
                problem(where, "must be an array of injection rules");
                return rules;
            }
            for (int i = 0; i < array.size(); i++) {
                InjectionRule rule = rule(array.get(i), where + "/" + i, oauth);
                if (rule != null) {
                    rules.add(rule);
                }
            }
            return rules;
        }

        private InjectionRule rule(JsonNode r, String where, boolean oauth) {
            unknownKeys(r, where, RULE_KEYS);
            String inId = text(r, "in", where, true);
            Placement in = inId == null ? null : Placement.byId(inId).orElse(null);
            if (inId != null && in == null) {
                problem(where + "/in", "'" + inId + "' is not one of header, query, cookie, basic");
                return null;
            }
            if (in == null) {
                return null;
            }
            InjectionRule.Condition when = null;
            if (r.has("when")) {
                String field = text(r.get("when"), "field", where + "/when", true);
                String equals = text(r.get("when"), "equals", where + "/when", true);
                requireSetting(field, where + "/when/field");
                when = field == null || equals == null ? null : new InjectionRule.Condition(field, equals);
            }
            if (in == Placement.BASIC) {
                if (r.has("name") || r.has("template") || r.has("templateFrom")) {
                    problem(where, "a basic rule takes username and password, not name or template");
                }
                return new InjectionRule(in, null, null, null, credentialTemplate(r, "username", where, oauth),
                        credentialTemplate(r, "password", where, oauth), when);
            }
            Template name = r.has("name") ? settingsTemplate(r.get("name"), where + "/name") : null;
            if (name == null) {
                problem(where + "/name", "is required for a " + inId + " rule");
            }
            String templateFrom = text(r, "templateFrom", where, false);
            requireSetting(templateFrom, where + "/templateFrom");
            Template template = r.has("template") ? credentialTemplate(r, "template", where, oauth) : null;
            if ((template == null) == (templateFrom == null)) {
                problem(where, "needs exactly one of template and templateFrom");
            }
            return new InjectionRule(in, name, template, templateFrom, null, null, when);
        }

        /** A template over credential fields (secret or not); OAuth rules may also use {token}. */
        private Template credentialTemplate(JsonNode r, String key, String where, boolean oauth) {
            Template template = parse(r.get(key), where + "/" + key);
            if (template != null) {
                for (String name : template.names()) {
                    boolean known = fields.stream().anyMatch(f -> f.name().equals(name))
                            || oauth && OAuthSpec.TOKEN_FIELD.equals(name);
                    if (!known) {
                        problem(where + "/" + key, "refers to '{" + name + "}', which is not a declared field");
                    }
                }
            }
            return template;
        }

        /** A template that may use only non-secret fields: it ends up in URLs, names and logs. */
        private Template settingsTemplate(JsonNode value, String where) {
            Template template = parse(value, where);
            if (template != null) {
                template.names().forEach(name -> requireSetting(name, where));
            }
            return template;
        }

        private void requireSetting(String name, String where) {
            if (name == null) {
                return;
            }
            CredentialField field = fields.stream().filter(f -> f.name().equals(name)).findFirst().orElse(null);
            if (field == null) {
                problem(where, "refers to '" + name + "', which is not a declared field");
            } else if (field.secret()) {
                problem(where, "refers to secret field '" + name + "'; only non-secret fields may be used here");
            }
        }

        private Template parse(JsonNode value, String where) {
            if (value == null || !value.isTextual()) {
                problem(where, "must be a string");
                return null;
            }
            try {
                return Template.parse(value.asText());
            } catch (IllegalArgumentException e) {
                problem(where, e.getMessage());
                return null;
            }
        }

        private List<Template> allowedHosts() {
            JsonNode array = node.path("allowedHosts");
            List<Template> hosts = new ArrayList<>();
            if (!array.isArray() || array.isEmpty()) {
                problem(at + "/allowedHosts", "must list at least one host that may receive the credentials");
                return hosts;
            }
            for (int i = 0; i < array.size(); i++) {
                Template host = settingsTemplate(array.get(i), at + "/allowedHosts/" + i);
                if (host != null) {
                    hosts.add(host);
                }
            }
            return hosts;
        }

        private TestRequest test(JsonNode t, String where) {
            unknownKeys(t, where, TEST_KEYS);
            String method = text(t, "method", where, true);
            if (method != null && !METHODS.contains(method)) {
                problem(where + "/method", "must be one of " + new java.util.TreeSet<>(METHODS));
            }
            String path = text(t, "path", where, true);
            if (path != null) {
                settingsTemplate(t.get("path"), where + "/path");
            }
            List<Integer> statuses = new ArrayList<>();
            JsonNode array = t.path("successStatus");
            if (array.isMissingNode()) {
                statuses.add(200);
            } else {
                for (JsonNode s : array) {
                    if (!s.canConvertToInt() || s.asInt() < 100 || s.asInt() > 599) {
                        problem(where + "/successStatus", "must hold HTTP statuses (100-599)");
                    }
                    statuses.add(s.asInt());
                }
            }
            String body = t.has("body") ? compact(t.get("body")) : null;
            JsonNode expect = t.path("expectJson");
            String pointer = expect.isObject() ? text(expect, "pointer", where + "/expectJson", true) : null;
            Object equals = expect.isObject() ? json.convertValue(expect.get("equals"), Object.class) : null;
            return method == null || path == null ? null
                    : new TestRequest(method, path, body, statuses, pointer, equals);
        }

        /** Not {@code JsonNode.toString()}: that writes through Jackson's thread-local buffers (see PluginJson). */
        private String compact(JsonNode value) {
            try {
                return json.writeValueAsString(value);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("a parsed JSON value cannot be written back: " + e.getMessage(), e);
            }
        }

        private OAuthSpec oauth(JsonNode o, String where) {
            unknownKeys(o, where, OAUTH_KEYS);
            String authorize = text(o, "authorizeUrl", where, true);
            String token = text(o, "tokenUrl", where, true);
            String revoke = text(o, "revokeUrl", where, false);
            for (String key : List.of("authorizeUrl", "tokenUrl", "revokeUrl")) {
                if (o.has(key)) {
                    Template url = settingsTemplate(o.get(key), where + "/" + key);
                    if (url != null && !url.source().startsWith("https://") && !url.source().startsWith("{")) {
                        problem(where + "/" + key, "must be an https URL");
                    }
                }
            }
            List<String> scopes = strings(o.path("defaultScopes"), where + "/defaultScopes");
            List<InjectionRule> injection = rules(o.path("injection"), where + "/injection", true);
            if (injection.isEmpty()) {
                injection = List.of(new InjectionRule(Placement.HEADER, Template.parse("Authorization"),
                        Template.parse("Bearer {" + OAuthSpec.TOKEN_FIELD + "}"), null, null, null, null));
            }
            return authorize == null || token == null ? null
                    : new OAuthSpec(authorize, token, revoke, scopes, injection);
        }

        private List<SeededSecret> secrets() {
            List<SeededSecret> seeded = new ArrayList<>();
            JsonNode array = node.path("secrets");
            for (int i = 0; i < array.size(); i++) {
                JsonNode s = array.get(i);
                String where = at + "/secrets/" + i;
                unknownKeys(s, where, SEED_KEYS);
                String field = text(s, "field", where, true);
                String name = text(s, "name", where, true);
                List<String> aliases = strings(s.path("aliases"), where + "/aliases");
                if (field != null && fields.stream().noneMatch(f -> f.name().equals(field))
                        && !OAuthSpec.TOKEN_FIELD.equals(field)) {
                    problem(where + "/field", "'" + field + "' is not a declared field");
                }
                for (String secretName : concat(name, aliases)) {
                    if (!SECRET_NAME.matcher(secretName).matches()) {
                        problem(where, "secret name '" + secretName + "' must be UPPER_SNAKE_CASE");
                    }
                }
                if (field != null && name != null) {
                    seeded.add(new SeededSecret(field, name, aliases));
                }
            }
            return seeded;
        }

        private List<String> concat(String name, List<String> aliases) {
            List<String> all = new ArrayList<>(aliases);
            if (name != null) {
                all.add(0, name);
            }
            return all;
        }
    }

    private String text(JsonNode parent, String key, String at, boolean required) {
        JsonNode value = parent.get(key);
        if (value == null || value.isNull()) {
            if (required) {
                problem(at + "/" + key, "is required");
            }
            return null;
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            problem(at + "/" + key, "must be a non-empty string");
            return null;
        }
        return value.asText();
    }

    private List<String> strings(JsonNode array, String at) {
        List<String> values = new ArrayList<>();
        if (array.isMissingNode()) {
            return values;
        }
        if (!array.isArray()) {
            problem(at, "must be an array of strings");
            return values;
        }
        for (JsonNode value : array) {
            if (!value.isTextual()) {
                problem(at, "must be an array of strings");
            } else {
                values.add(value.asText());
            }
        }
        return values;
    }
}
