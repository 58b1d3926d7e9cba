package dev.keyway.connections.providers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyway.connections.ConnectionType;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProviderCatalogueTest {

    private static final List<String> REQUIRED = List.of("github", "gitlab", "bitbucket", "slack", "jira",
            "confluence", "servicenow", "pagerduty", "datadog", "opsgenie", "sendgrid", "twilio", "stripe",
            "openai", "anthropic", "linear", "notion", "airtable", "hubspot", "zendesk", "vault",
            "api_key", "bearer", "basic", "custom");

    @Test
    void builtInCatalogueLoadsEveryRequiredProvider() {
        ProviderCatalogue catalogue = ProviderCatalogue.builtIn();
        assertThat(catalogue.all()).extracting(Provider::id).containsAll(REQUIRED);
    }

    @Test
    void builtInCatalogueMatchesItsJsonSchema() throws Exception {
        ObjectMapper json = new ObjectMapper();
        try (InputStream doc = getClass().getResourceAsStream("/providers.json");
                InputStream schema = getClass().getResourceAsStream("/providers.schema.json")) {
            JsonNode schemaNode = json.readTree(schema);
            List<String> problems = new SchemaCheck(schemaNode).check(json.readTree(doc));
            assertThat(problems).isEmpty();
        }
    }

    @Test
    void schemaCheckCatchesABrokenEntry() throws Exception {
        ObjectMapper json = new ObjectMapper();
        try (InputStream schema = getClass().getResourceAsStream("/providers.schema.json")) {
            JsonNode broken = json.readTree("{\"providers\":[{\"id\":\"X\",\"displayName\":\"x\","
                    + "\"authKinds\":[\"magic\"],\"fields\":[],\"allowedHosts\":[],\"extra\":1}]}");
            assertThat(new SchemaCheck(json.readTree(schema)).check(broken))
                    .anyMatch(p -> p.startsWith("/providers/0/id"))
                    .anyMatch(p -> p.startsWith("/providers/0/authKinds/0"))
                    .anyMatch(p -> p.startsWith("/providers/0/allowedHosts"))
                    .anyMatch(p -> p.startsWith("/providers/0/extra"));
        }
    }

    @Test
    void injectionFactsFollowTheProvidersDocs() {
        ProviderCatalogue catalogue = ProviderCatalogue.builtIn();
        assertThat(header(catalogue, "anthropic", 0)).isEqualTo("x-api-key: {api-key}");
        assertThat(header(catalogue, "anthropic", 1)).isEqualTo("anthropic-version: 2023-06-01");
        assertThat(header(catalogue, "datadog", 0)).isEqualTo("DD-API-KEY: {api-key}");
        assertThat(header(catalogue, "datadog", 1)).isEqualTo("DD-APPLICATION-KEY: {application-key}");
        assertThat(header(catalogue, "pagerduty", 0)).isEqualTo("Authorization: Token token={api-key}");
        assertThat(header(catalogue, "opsgenie", 0)).isEqualTo("Authorization: GenieKey {api-key}");
        InjectionRule zendesk = catalogue.find("zendesk").orElseThrow().injection().get(0);
        assertThat(zendesk.in()).isEqualTo(Placement.BASIC);
        assertThat(zendesk.username().source()).isEqualTo("{email}/token");
        assertThat(zendesk.password().source()).isEqualTo("{api-token}");
        InjectionRule twilio = catalogue.find("twilio").orElseThrow().injection().get(0);
        assertThat(twilio.username().source() + ":" + twilio.password().source())
                .isEqualTo("{account-sid}:{auth-token}");
    }

    @Test
    void vaultUsesTokenAuthWithAnOptionalNamespaceAndAPerConnectionAddress() {
        ProviderCatalogue catalogue = ProviderCatalogue.builtIn();
        Provider vault = catalogue.find("vault").orElseThrow();
        assertThat(header(catalogue, "vault", 0)).isEqualTo("X-Vault-Token: {token}");
        assertThat(header(catalogue, "vault", 1)).isEqualTo("X-Vault-Namespace: {namespace}");
        assertThat(vault.field("token").orElseThrow().secret()).isTrue();
        assertThat(vault.field("namespace").orElseThrow()).satisfies(f -> {
            assertThat(f.secret()).isFalse();
            assertThat(f.required()).isFalse();
        });
        assertThat(vault.field("base-url").orElseThrow().required()).isFalse();
        assertThat(vault.baseUrl().source()).isEqualTo("{base-url}");
        assertThat(vault.testIfAny()).get().satisfies(t -> {
            assertThat(t.method() + " " + t.path()).isEqualTo("GET /v1/auth/token/lookup-self");
            assertThat(t.successStatus()).containsExactly(200);
        });
        assertThat(vault.secrets()).singleElement().satisfies(seed -> {
            assertThat(seed.field()).isEqualTo("token");
            assertThat(seed.name()).isEqualTo("VAULT_TOKEN");
        });
    }

    @Test
    void seededSecretsIncludeAliases() {
        Provider slack = ProviderCatalogue.builtIn().find("slack").orElseThrow();
        assertThat(slack.secrets()).anySatisfy(seed -> {
            assertThat(seed.name()).isEqualTo("SLACK_API_KEY");
            assertThat(seed.aliases()).containsExactly("SLACK_BOT_TOKEN");
        });
    }

    @Test
    void oauthProvidersDefaultToBearerInjection() {
        Provider github = ProviderCatalogue.builtIn().find("github").orElseThrow();
        InjectionRule rule = github.injectionFor(ConnectionType.OAUTH).get(0);
        assertThat(rule.name().source() + ": " + rule.template().source()).isEqualTo("Authorization: Bearer {token}");
        assertThat(github.oauthIfAny()).get().extracting(OAuthSpec::tokenUrl)
                .isEqualTo("https://github.com/login/oauth/access_token");
    }

    @Test
    void everyProblemIsReportedWithItsPointer() {
        String doc = """
                {"providers": [
                  {"id": "ok", "displayName": "Ok", "authKinds": ["api_key"],
                   "fields": [{"name": "api-key", "label": "Key", "secret": true}],
                   "injection": [{"in": "header", "name": "X-Key", "template": "{api-key}"}],
                   "allowedHosts": ["api.ok.test"]},
                  {"id": "bad", "displayName": "Bad", "authKinds": ["api_key", "telepathy"],
                   "fields": [{"name": "api-key", "label": "Key", "secret": true}],
                   "injection": [{"in": "header", "name": "X-Key", "template": "{apikey}"},
                                 {"in": "carrier-pigeon", "name": "x", "template": "y"}],
                   "baseUrl": "https://{api-key}.bad.test",
                   "allowedHosts": []}
                ]}""";
        assertThatThrownBy(() -> load(doc))
                .isInstanceOf(CatalogueException.class)
                .satisfies(e -> assertThat(((CatalogueException) e).problems())
                        .anyMatch(p -> p.startsWith("/providers/1 (bad)/authKinds/1") && p.contains("telepathy"))
                        .anyMatch(p -> p.startsWith("/providers/1 (bad)/injection/0/template")
                                && p.contains("{apikey}"))
                        .anyMatch(p -> p.startsWith("/providers/1 (bad)/injection/1/in"))
                        .anyMatch(p -> p.startsWith("/providers/1 (bad)/baseUrl") && p.contains("secret field"))
                        .anyMatch(p -> p.startsWith("/providers/1 (bad)/allowedHosts"))
                        .noneMatch(p -> p.contains("(ok)")));
    }

    @Test
    void duplicateIdsAndUnknownKeysAreReported() {
        String entry = "{\"id\": \"dup\", \"displayName\": \"D\", \"authKinds\": [\"bearer\"], \"colour\": \"red\","
                + " \"fields\": [{\"name\": \"token\", \"label\": \"T\", \"secret\": true}],"
                + " \"injection\": [{\"in\": \"header\", \"name\": \"Authorization\", \"template\": \"Bearer {token}\"}],"
                + " \"allowedHosts\": [\"a.test\"]}";
        assertThatThrownBy(() -> load("{\"providers\": [" + entry + "," + entry + "]}"))
                .hasMessageContaining("/providers/1/id: 'dup' is used by an earlier provider")
                .hasMessageContaining("/providers/0 (dup)/colour: unknown key");
    }

    @Test
    void invalidJsonNamesTheLine() {
        assertThatThrownBy(() -> load("{\n\"providers\": [,]}"))
                .isInstanceOf(CatalogueException.class)
                .hasMessageContaining("line 2");
    }

    private static ProviderCatalogue load(String doc) {
        return ProviderCatalogue.load(new ByteArrayInputStream(doc.getBytes(StandardCharsets.UTF_8)), "test.json");
    }

    private static String header(ProviderCatalogue catalogue, String id, int index) {
        InjectionRule rule = catalogue.find(id).orElseThrow().injection().get(index);
        assertThat(rule.in()).isEqualTo(Placement.HEADER);
        return rule.name().source() + ": " + rule.template().source();
    }
}
