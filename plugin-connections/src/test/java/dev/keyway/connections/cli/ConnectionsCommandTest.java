package dev.keyway.connections.cli;

import static dev.keyway.connections.cli.CliDriver.ALICE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyway.api.Principal;
import dev.keyway.connections.ConnectionsRuntime;
import dev.keyway.connections.store.ResolvedConnection;
import dev.keyway.connections.store.UsageEvent;
import dev.keyway.connections.testing.LoopbackServer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectionsCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Principal BOB = new Principal("bob", "acme");

    @TempDir
    Path data;

    private ConnectionsRuntime runtime;
    private CliDriver cli;

    @BeforeEach
    void open() {
        runtime = ConnectionsRuntime.open(new TestHost(data));
        cli = new CliDriver(runtime);
    }

    @AfterEach
    void close() {
        runtime.close();
    }

    private String addSlack(String token, String... extra) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of("add", "slack"));
        args.addAll(List.of(extra));
        CliDriver.Run run = cli.json(true).stdin(token + "\n").connections(args.toArray(String[]::new));
        cli.json(false);
        assertThat(run.exit()).as(run.err()).isZero();
        return JSON.readTree(run.out()).get("id").asText();
    }

    @Test
    void addPromptsForEachSecretFieldByItsLabelAndPrintsTheIdAndSeededNames() {
        CliDriver.Run run = cli.stdin("xoxb-test-1\n").connections("add", "slack", "--display-name", "Slack - Ops",
                "--tag", "ops");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.prompts()).containsExactly("Bot token (xoxb-...)");
        assertThat(run.out()).containsPattern("Created conn_\\S+ \\(slack \"Slack - Ops\", api_key\\) in environment development")
                .contains("Seeded 2 secrets into every environment", "SLACK_API_KEY", "SLACK_BOT_TOKEN");
    }

    @Test
    void addWithJsonAnswersLikeTheRestApi() throws Exception {
        CliDriver.Run run = cli.json(true).stdin("xoxb-test-1\n").connections("add", "slack");

        JsonNode body = JSON.readTree(run.out());
        assertThat(body.fieldNames()).toIterable().containsExactly("id", "provider", "displayName", "type", "status",
                "createdAt", "seedResult");
        assertThat(body.get("id").asText()).startsWith("conn_");
        assertThat(body.get("type").asText()).isEqualTo("api_key");
        assertThat(body.get("status").asText()).isEqualTo("active");
        assertThat(body.get("createdAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        assertThat(body.get("seedResult").get("secretsSeeded").asInt()).isEqualTo(2);
        assertThat(body.get("seedResult").get("secretNames")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("SLACK_API_KEY", "SLACK_BOT_TOKEN");
    }

    @Test
    void addTakesSettingsAsFieldsAndTheBaseUrlFillsTheProvidersBaseUrlField() throws Exception {
        CliDriver.Run run = cli.json(true).stdin("jira-token\n").connections("add", "jira",
                "--field", "user-email=a@b.c", "--base-url", "https://acme.atlassian.net");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.prompts()).containsExactly("API token");
        String id = JSON.readTree(run.out()).get("id").asText();
        try (ResolvedConnection resolved = runtime.store().resolve(id, ALICE, "development")) {
            assertThat(resolved.credentials().fields().get("user-email").reveal()).isEqualTo("a@b.c");
            assertThat(resolved.credentials().fields().get("base-url").reveal()).isEqualTo("https://acme.atlassian.net");
            assertThat(resolved.credentials().fields().get("api-token").reveal()).isEqualTo("jira-token");
        }
        assertThat(JSON.readTree(run.out()).get("seedResult").get("secretNames")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("JIRA_USER_EMAIL", "JIRA_API_TOKEN", "JIRA_BASE_URL");
    }

    @Test
    void optionalSecretFieldsArePromptedOnlyWhenAskedFor() {
        CliDriver.Run plain = cli.stdin("dd-api\n").connections("add", "datadog", "--field", "site=datadoghq.eu");
        assertThat(plain.exit()).as(plain.err()).isZero();
        assertThat(plain.prompts()).hasSize(1);

        CliDriver.Run both = cli.stdin("dd-api\ndd-app\n").connections("add", "datadog", "--field",
                "site=datadoghq.eu", "--prompt", "application-key");
        assertThat(both.exit()).as(both.err()).isZero();
        assertThat(both.prompts()).hasSize(2);
        assertThat(cli.connections("add", "datadog", "--prompt", "site").err()).contains("--prompt is for secret fields");
    }

    @Test
    void aSecretFieldAsAnArgumentIsRefusedWithTheReasonAndTheWayOut() {
        CliDriver.Run run = cli.connections("add", "slack", "--field", "api-key=xoxb-in-argv");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("'api-key'", "is secret", "process list", "shell history", "prompted",
                "--fields-from-stdin").doesNotContain("xoxb-in-argv");
        assertThat(runtime.store().list(ALICE, dev.keyway.connections.store.ConnectionFilter.all())).isEmpty();
    }

    @Test
    void fieldsFromStdinTakeEveryFieldWithoutPrompting() throws Exception {
        CliDriver.Run run = cli.json(true).stdin("{\"user-email\":\"a@b.c\",\"api-token\":\"t0k\","
                + "\"base-url\":\"https://acme.atlassian.net\"}").connections("add", "jira", "--fields-from-stdin");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.prompts()).isEmpty();
        assertThat(JSON.readTree(run.out()).get("seedResult").get("secretsSeeded").asInt()).isEqualTo(3);
        assertThat(cli.stdin("{}").connections("add", "datadog", "--fields-from-stdin", "--prompt", "application-key")
                .exit()).isEqualTo(2);
    }

    @Test
    void brokenJsonOnStdinIsReportedByPositionWithoutQuotingIt() {
        CliDriver.Run run = cli.stdin("{\"api-key\": xoxb-unquoted-secret}").connections("add", "slack",
                "--fields-from-stdin");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("not valid JSON (line 1, column").doesNotContain("xoxb-unquoted-secret");
    }

    @Test
    void missingOrUnknownFieldsAreNamed() {
        assertThat(cli.stdin("t\n").connections("add", "jira").err()).contains("'user-email'", "required");
        CliDriver.Run unknown = cli.connections("add", "jira", "--field", "colour=blue");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("no field 'colour'", "user-email");
        assertThat(cli.connections("add", "nosuch").err()).contains("unknown provider 'nosuch'",
                "keyway connections providers");
    }

    @Test
    void seedEnvSeedsOnlyTheCallersEnvironment() {
        CliDriver.Run run = cli.env("production").stdin("xoxb-prod\n").connections("add", "slack", "--seed", "env");

        assertThat(run.out()).contains("in environment production", "Seeded 2 secrets into environment production");
        assertThat(runtime.store().environmentSecretNames(ALICE, "production")).contains("SLACK_API_KEY");
        assertThat(runtime.store().environmentSecretNames(ALICE, "staging")).doesNotContain("SLACK_API_KEY");
        assertThat(cli.connections("add", "slack", "--seed", "some").exit()).isEqualTo(2);
    }

    @Test
    void listShowsTheCallersEnvironmentUnlessAskedForAllAndFilters() throws Exception {
        String dev = addSlack("xoxb-dev", "--tag", "ops");
        cli.env("production");
        String prod = addSlack("xoxb-prod");
        cli.env("development");

        CliDriver.Run table = cli.connections("list");
        assertThat(table.out()).contains("ID", "PROVIDER", "NAME", "TYPE", "STATUS", "TAGS", "ENV", "CREATED",
                "LAST USED", dev, "ACTIVE", "ops", "never").doesNotContain(prod);
        assertThat(cli.connections("list", "--all-envs").out()).contains(dev, prod);
        assertThat(cli.connections("list", "--all-envs", "--tag", "ops").out()).contains(dev).doesNotContain(prod);
        assertThat(cli.connections("list", "--provider", "jira").out()).contains("No connections match");
        assertThat(cli.connections("list", "--status", "not_active").out()).doesNotContain(dev);
        assertThat(cli.connections("list", "--status", "sleepy").exit()).isEqualTo(2);

        JsonNode listed = JSON.readTree(cli.json(true).connections("list", "--all-envs").out());
        assertThat(listed.get("connections")).hasSize(2);
        assertThat(listed.get("connections").get(0).has("displayName")).isTrue();
    }

    @Test
    void showPrintsMetadataAndHidesOtherUsersConnections() throws Exception {
        String id = addSlack("xoxb-show", "--tag", "ops", "--allowed-host", "hooks.example.com");

        CliDriver.Run text = cli.connections("show", id);
        assertThat(text.out()).contains("ID:", id, "Provider:", "slack", "Owner:", "alice", "Tags:", "ops",
                "hooks.example.com", "never shown");
        JsonNode json = JSON.readTree(cli.json(true).connections("show", id).out());
        assertThat(json.get("owner").asText()).isEqualTo("alice");
        assertThat(json.get("allowedHosts").get(0).asText()).isEqualTo("hooks.example.com");

        CliDriver.Run hidden = cli.json(false).as(BOB).connections("show", id);
        assertThat(hidden.exit()).isEqualTo(1);
        assertThat(hidden.err()).contains("not available to user bob in workspace acme", "list --all-envs");
    }

    @Test
    void updateChangesMetadataAndRotateReplacesTheSecretUnderTheSameId() throws Exception {
        String id = addSlack("xoxb-old", "--tag", "old");

        CliDriver.Run meta = cli.connections("update", id, "--display-name", "Slack - Renamed", "--tag", "new",
                "--untag", "old");
        assertThat(meta.exit()).as(meta.err()).isZero();
        assertThat(meta.out()).contains("Updated " + id, "display name", "tags");
        JsonNode shown = JSON.readTree(cli.json(true).connections("show", id).out());
        assertThat(shown.get("displayName").asText()).isEqualTo("Slack - Renamed");
        assertThat(shown.get("tags")).extracting(JsonNode::asText).containsExactly("new");

        CliDriver.Run rotated = cli.json(false).stdin("xoxb-new\n").connections("update", id, "--rotate");
        assertThat(rotated.exit()).as(rotated.err()).isZero();
        assertThat(rotated.prompts()).containsExactly("Bot token (xoxb-...)");
        try (ResolvedConnection resolved = runtime.store().resolve(id, ALICE, "development")) {
            assertThat(resolved.credentials().fields().get("api-key").reveal()).isEqualTo("xoxb-new");
        }
        assertThat(cli.connections("update", id).exit()).isEqualTo(2);
        assertThat(cli.connections("update", id, "--field", "api-key=x").err()).contains("is secret");
    }

    @Test
    void rotatedValuesReplaceTheSecretsSeededFromThemInTheirEnvironments() throws Exception {
        String id = addSlack("xoxb-first");
        cli.env("production");
        String prodOnly = addSlack("xoxb-prod-first", "--seed", "env");
        cli.env("development");

        assertThat(cli.stdin("xoxb-second\n").connections("update", id, "--rotate").exit()).isZero();
        assertThat(runtime.store().environmentSecret(ALICE, "staging", "SLACK_API_KEY").orElseThrow().reveal())
                .isEqualTo("xoxb-second");

        assertThat(cli.stdin("xoxb-prod-second\n").connections("update", prodOnly, "--rotate").exit()).isZero();
        assertThat(runtime.store().environmentSecret(ALICE, "production", "SLACK_API_KEY").orElseThrow().reveal())
                .isEqualTo("xoxb-prod-second");
        assertThat(runtime.store().environmentSecret(ALICE, "staging", "SLACK_API_KEY").orElseThrow().reveal())
                .isEqualTo("xoxb-second");
    }

    @Test
    void deleteAsksAtATerminalAndRefusesWithoutOneUnlessYes() throws Exception {
        String id = addSlack("xoxb-del");

        CliDriver.Run refused = cli.connections("delete", id);
        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.err()).contains("no terminal", "pass --yes");

        CliDriver.Run wrongAnswer = cli.interactive(true).stdin("no\n").connections("delete", id);
        assertThat(wrongAnswer.exit()).isEqualTo(1);
        assertThat(wrongAnswer.err()).contains("Type the id to confirm", "not deleted");
        assertThat(runtime.store().get(id, ALICE)).isPresent();

        CliDriver.Run confirmed = cli.stdin(id + "\n").connections("delete", id);
        assertThat(confirmed.exit()).as(confirmed.err()).isZero();
        assertThat(runtime.store().get(id, ALICE)).isEmpty();
        assertThat(runtime.store().environmentSecretNames(ALICE, "development")).doesNotContain("SLACK_API_KEY");

        String other = addSlack("xoxb-del-2");
        assertThat(cli.interactive(false).connections("delete", other, "--yes").out()).contains("Deleted " + other);
        assertThat(cli.connections("delete", other, "--yes").exit()).isEqualTo(1);
    }

    @Test
    void shareLetsAnotherUserSeeButNotDeleteAndUnshareTakesItBack() throws Exception {
        String id = addSlack("xoxb-shared");

        assertThat(cli.connections("share", id, "bob").out()).contains("Shared " + id + " with bob", "bob");
        assertThat(cli.as(BOB).connections("show", id).exit()).isZero();
        CliDriver.Run denied = cli.connections("delete", id, "--yes");
        assertThat(denied.exit()).isEqualTo(1);
        assertThat(denied.err()).contains("only the owner");
        assertThat(cli.as(ALICE).connections("unshare", id, "bob").out()).contains("shared with: nobody");
        assertThat(cli.as(BOB).connections("show", id).exit()).isEqualTo(1);
        assertThat(cli.as(ALICE).connections("share", id).exit()).isEqualTo(2);
    }

    @Test
    void tagAndUntagAddAndRemoveSeveral() throws Exception {
        String id = addSlack("xoxb-tags");

        assertThat(cli.connections("tag", id, "a", "b", "c").out()).contains("Tags of " + id + ": a, b, c");
        assertThat(cli.connections("untag", id, "b", "zzz").out()).contains(": a, c");
        assertThat(cli.connections("tag", id).exit()).isEqualTo(2);
    }

    @Test
    void testReportsActiveOrNotActiveWithTheReasonAndExitCode() throws Exception {
        try (LoopbackServer slack = new LoopbackServer()) {
            slack.on("/api/auth.test", exchange -> LoopbackServer.respond(exchange, 200, "application/json",
                    "Bearer xoxb-good".equals(exchange.getRequestHeaders().getFirst("Authorization"))
                            ? "{\"ok\":true}" : "{\"ok\":false,\"error\":\"invalid_auth\"}"));
            String host = "127.0.0.1:" + slack.port();
            String good = addSlack("xoxb-good", "--base-url", slack.url("/api"), "--allowed-host", host);
            String bad = addSlack("xoxb-bad", "--base-url", slack.url("/api"), "--allowed-host", host);

            CliDriver.Run active = cli.connections("test", good);
            assertThat(active.exit()).as(active.out() + active.err()).isZero();
            assertThat(active.out()).startsWith("ACTIVE");

            CliDriver.Run notActive = cli.connections("test", bad);
            assertThat(notActive.exit()).isEqualTo(1);
            assertThat(notActive.out()).startsWith("NOT ACTIVE: ").contains("/ok");
            assertThat(cli.connections("list").out()).contains("NOT ACTIVE");

            JsonNode json = JSON.readTree(cli.json(true).connections("test", bad).out());
            assertThat(json.get("status").asText()).isEqualTo("not_active");
            assertThat(json.get("reason").asText()).isNotBlank();
            assertThat(slack.received()).extracting(LoopbackServer.Received::path).containsOnly("/api/auth.test");
        }
    }

    @Test
    void usageListsTheTrailNewestFirst() throws Exception {
        String id = addSlack("xoxb-usage");
        assertThat(cli.connections("usage", id).out()).contains("No recorded use");
        runtime.store().recordUsage(new UsageEvent(id, "exec_1", "call", "slack.com", Instant.parse("2026-11-01T10:00:00Z"), "ok"));
        runtime.store().recordUsage(new UsageEvent(id, "exec_2", "call", "slack.com", Instant.parse("2026-11-02T10:00:00Z"), "http_401"));

        CliDriver.Run table = cli.connections("usage", id);
        assertThat(table.out()).contains("AT", "OUTCOME", "exec_1", "exec_2", "http_401");
        assertThat(table.out().indexOf("exec_2")).isLessThan(table.out().indexOf("exec_1"));
        JsonNode json = JSON.readTree(cli.json(true).connections("usage", id, "--limit", "1").out());
        assertThat(json.get("usage")).hasSize(1);
        assertThat(cli.connections("usage", id, "--limit", "0").exit()).isEqualTo(2);
    }

    @Test
    void providersListsTheCatalogueAndOneProvidersFields() throws Exception {
        assertThat(cli.connections("providers").out()).contains("slack", "Slack", "api_key", "api-key*",
                "jira", "user-email", "api-token*");
        assertThat(cli.connections("providers", "jira").out()).contains("Atlassian account email", "JIRA_API_TOKEN");
        JsonNode json = JSON.readTree(cli.json(true).connections("providers").out());
        assertThat(json.get("providers").size()).isGreaterThan(10);
        assertThat(cli.json(false).connections("providers", "nope").exit()).isEqualTo(2);
    }

    @Test
    void everySubcommandHasHelpWithExamplesAndUsageErrorsExitTwo() {
        for (String sub : List.of("add", "list", "show", "update", "delete", "share", "unshare", "tag", "untag",
                "test", "usage", "providers")) {
            CliDriver.Run help = cli.connections(sub, "--help");
            assertThat(help.exit()).isZero();
            assertThat(help.out()).as(sub).contains("Usage: keyway connections " + sub, "Examples:");
        }
        assertThat(cli.connections("--help").out()).contains("Subcommands:", "add", "providers");
        assertThat(cli.connections().exit()).isEqualTo(2);
        assertThat(cli.connections("frobnicate").err()).contains("unknown subcommand 'frobnicate'");
        assertThat(cli.connections("list", "--colour").err()).contains("unknown option --colour");
        assertThat(cli.connections("show").err()).contains("missing ID");
        assertThat(cli.connections("show", "a", "b").err()).contains("unexpected argument 'b'");
        assertThat(cli.connections("add", "slack", "--type", "carrier-pigeon").exit()).isEqualTo(2);
    }
}
