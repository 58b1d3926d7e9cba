package dev.keyway.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyway.api.Principal;
import dev.keyway.api.Secret;
import dev.keyway.engine.exec.RunRequest;
import dev.keyway.engine.pattern.Pattern;
import dev.keyway.engine.record.ExecutionRecord;
import dev.keyway.engine.record.ExecutionStatus;
import dev.keyway.engine.record.FileRecordStore;
import dev.keyway.engine.testnodes.TestNodes;
import dev.keyway.engine.validate.Problem;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineTest {

    /** Has characters that every encoding changes: quote, slash, plus, space, non-ASCII. */
    private static final String CANARY = "canary-\"7f3a\"/k+ey é-42";
    private static final Principal ALICE = new Principal("alice", "acme");

    @TempDir
    Path dir;

    private final ExecutorService pool = Executors.newFixedThreadPool(4);

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    private Engine engine() {
        return new Engine(new TestNodes().catalog(), new FileRecordStore(dir.resolve("records")), pool);
    }

    private static final String LEAKY = """
            {"id": "leaky", "name": "Leaky nodes", "nodes": [
              {"id": "mint", "type": "test.emit-secret", "inputs": {"seed": {"from": "trigger.seed"}}},
              {"id": "plain", "type": "test.template", "properties": {"template": "Bearer {value}"},
               "inputs": {"value": {"from": "mint.secret"}}},
              {"id": "b64", "type": "test.encode", "properties": {"encoding": "base64"}, "inputs": {"value": {"from": "mint.secret"}}},
              {"id": "b64url", "type": "test.encode", "properties": {"encoding": "base64url"}, "inputs": {"value": {"from": "mint.secret"}}},
              {"id": "url", "type": "test.encode", "properties": {"encoding": "url"}, "inputs": {"value": {"from": "mint.secret"}}},
              {"id": "json", "type": "test.encode", "properties": {"encoding": "json"}, "inputs": {"value": {"from": "mint.secret"}}},
              {"id": "echo", "type": "test.echo", "inputs": {"value": {"from": "plain.text"}}}
            ],
            "outputs": {"plain": {"from": "echo.value"}, "b64": {"from": "b64.text"}, "b64url": {"from": "b64url.text"},
                        "url": {"from": "url.text"}, "json": {"from": "json.text"}, "secret": {"from": "mint.secret"}}}
            """;

    private static final String FAILING = """
            {"id": "failing", "name": "Leaky failure", "nodes": [
              {"id": "mint", "type": "test.emit-secret", "inputs": {"seed": {"from": "trigger.seed"}}},
              {"id": "bad", "type": "test.encode", "properties": {"encoding": "base64", "failWith": "leaky"},
               "inputs": {"value": {"from": "mint.secret"}}},
              {"id": "bad2", "type": "test.fail", "inputs": {"detail": {"from": "mint.secret"}}}
            ]}
            """;

    @Test
    void aCanarySecretNeverReachesTheRecordOrTheDiskInAnyEncoding() throws Exception {
        Engine engine = engine();
        Map<String, Object> payload = Map.of("seed", CANARY);

        ExecutionRecord ok = engine.run(new RunRequest(engine.parse(LEAKY, "leaky"), ALICE, "dev", payload, false));
        ExecutionRecord failed = engine.run(new RunRequest(engine.parse(FAILING, "failing"), ALICE, "dev", payload, false));

        assertThat(ok.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(ok.outputs()).containsEntry("plain", "Bearer " + Secret.MASK)
                .containsEntry("b64", "prefix:" + Secret.MASK + ":suffix").containsEntry("secret", Secret.MASK);
        assertThat(ok.node("b64").orElseThrow().logs()).singleElement()
                .satisfies(line -> assertThat(line.message()).isEqualTo("encoded as " + Secret.MASK));
        assertThat(ok.trigger()).containsEntry("seed", Secret.MASK);
        assertThat(failed.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(failed.error().message()).contains(Secret.MASK);

        List<String> forbidden = encodings(CANARY);
        String rendered = Engine.toJson(List.of(ok, failed));
        assertThat(forbidden).allSatisfy(form -> assertThat(rendered).doesNotContain(form));
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertThat(files).hasSize(3); // two records and the audit file
        for (Path file : files) {
            String content = Files.readString(file, StandardCharsets.UTF_8);
            assertThat(forbidden).allSatisfy(form -> assertThat(content).as(file + " holds " + form).doesNotContain(form));
        }
        assertThat(Files.readString(dir.resolve("records").resolve(ok.id() + ".json"))).contains("Bearer " + Secret.MASK);
    }

    private static List<String> encodings(String secret) {
        byte[] utf8 = secret.getBytes(StandardCharsets.UTF_8);
        String form = URLEncoder.encode(secret, StandardCharsets.UTF_8);
        String jsonEscaped = secret.replace("\\", "\\\\").replace("\"", "\\\"");
        return List.of(secret, jsonEscaped,
                Base64.getEncoder().encodeToString(utf8),
                Base64.getEncoder().withoutPadding().encodeToString(utf8),
                Base64.getUrlEncoder().encodeToString(utf8),
                Base64.getUrlEncoder().withoutPadding().encodeToString(utf8),
                form, form.replace("+", "%20"),
                // Distinctive fragments, so a partial leak shows too.
                "7f3a", "k+ey", "k%2Bey");
    }

    @Test
    void noStoreLeavesOnlyTheAuditLine() throws Exception {
        Engine engine = engine();
        Pattern pattern = engine.parse(LEAKY, "leaky");

        ExecutionRecord record = engine.run(new RunRequest(pattern, ALICE, "prod", Map.of("seed", CANARY), true));
        assertThat(record.error()).isNull();

        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertThat(files).singleElement().satisfies(f -> assertThat(f.getFileName().toString()).isEqualTo("audit.jsonl"));
        String audit = Files.readString(files.get(0));
        assertThat(audit.lines()).singleElement().satisfies(line -> assertThat(line)
                .contains(record.id(), "\"patternId\":\"leaky\"", "\"user\":\"alice\"", "\"status\":\"succeeded\"", "\"at\"")
                .doesNotContain("prefix", "Bearer", "seed"));
        assertThat(engine.records().list(10)).isEmpty();
        assertThat(record.outputs()).containsKey("plain"); // the caller still gets the (redacted) result
        // How each node ended is told; what it saw and made is not kept even in the returned record.
        assertThat(record.nodes()).isNotEmpty().allSatisfy(node -> {
            assertThat(node.status()).isNotNull();
            assertThat(node.inputs()).isNull();
            assertThat(node.outputs()).isNull();
            assertThat(node.logs()).isEmpty();
        });
    }

    @Test
    void loadReportsEveryProblemAndValidateNeverThrows() throws Exception {
        Engine engine = engine();
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"id\": \"x\", \"nodes\": [{\"id\": \"a\", \"type\": \"test.nope\"}]}");
        Path good = dir.resolve("good.json");
        Files.writeString(good, LEAKY);

        assertThatThrownBy(() -> engine.load(bad)).isInstanceOf(PatternException.class)
                .satisfies(e -> assertThat(((PatternException) e).problems()).extracting(Problem::pointer)
                        .containsExactly("", "/nodes/0/type"))
                .hasMessageContaining("bad.json has 2 problem(s)");
        assertThat(engine.load(good).id()).isEqualTo("leaky");
        assertThat(engine.validate(good)).isEmpty();
        assertThat(engine.validate(dir.resolve("missing.json"))).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("does not exist"));
    }

    @Test
    void rendersSecretsAsTheMaskAndExposesTheSchema() {
        assertThat(Engine.toJson(Map.of("s", Secret.of("hunter22")))).contains("\"*****\"").doesNotContain("hunter22");
        assertThat(engine().schema().get("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
    }
}
