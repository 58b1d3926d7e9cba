package dev.keyway.engine.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyway.engine.pattern.Pattern;
import dev.keyway.engine.pattern.Wire;
import dev.keyway.engine.testnodes.TestNodes;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PatternCheckerTest {

    private final PatternChecker checker = new PatternChecker(new TestNodes().catalog());

    private List<Problem> problems(String json) {
        return checker.check(json).problems();
    }

    private static Problem at(List<Problem> problems, String pointer) {
        return problems.stream().filter(p -> p.pointer().equals(pointer)).findFirst()
                .orElseThrow(() -> new AssertionError("no problem at " + pointer + " in " + problems));
    }

    @Test
    void aValidPatternParsesWithWiresDefaultsAndLiteralEscapes() {
        PatternChecker.Result result = checker.check("""
                {"id": "demo-1", "name": "Demo", "description": "d",
                 "trigger": {"type": "http", "path": "/demo/run", "credentials": ["api_key"]},
                 "timeoutMs": 5000,
                 "nodes": [
                   {"id": "a", "type": "test.echo", "inputs": {"value": {"from": "trigger.items.0", "default": 7}}},
                   {"id": "b", "type": "test.config", "timeoutMs": 100,
                    "properties": {"url": "https://example.com", "method": "POST", "retries": 2},
                    "inputs": {"headers": {"X-A": {"from": "a.value"}, "raw": {"literal": {"from": "x"}}}}}
                 ],
                 "outputs": {"status": {"from": "b.status"}, "fixed": 1}}
                """);

        assertThat(result.problems()).isEmpty();
        Pattern pattern = result.pattern().orElseThrow();
        assertThat(pattern.trigger().method()).isEqualTo("POST");
        assertThat(pattern.trigger().credentials()).containsExactly("api_key");
        assertThat(pattern.node("a").orElseThrow().inputs().get("value"))
                .isEqualTo(new Wire("trigger.items.0", 7, true));
        @SuppressWarnings("unchecked")
        Map<String, Object> headers = (Map<String, Object>) pattern.node("b").orElseThrow().inputs().get("headers");
        assertThat(headers.get("X-A")).isEqualTo(Wire.to("a.value"));
        assertThat(headers.get("raw")).isEqualTo(Map.of("from", "x"));
        assertThat(pattern.outputs()).containsEntry("fixed", 1);
    }

    @Test
    void reportsEveryMistakeAtOnceWithPointersAndPositions() {
        List<Problem> problems = problems("""
                {
                  "id": "Bad_Id",
                  "name": "demo",
                  "colour": "red",
                  "nodes": [
                    {"id": "a", "type": "test.ech", "inputs": {"value": 1}},
                    {"id": "b", "type": "test.config", "properties": {"methd": "GET", "retries": "three"}},
                    {"id": "b", "type": "test.echo", "inputs": {"value": 1}},
                    {"id": "c", "type": "test.echo", "inputs": {"value": {"from": "b.bdy"}}}
                  ]
                }
                """);

        assertThat(problems).extracting(Problem::pointer).contains("/id", "/colour", "/nodes/0/type",
                "/nodes/1/properties/methd", "/nodes/1/properties/retries", "/nodes/1/properties", "/nodes/2/id",
                "/nodes/3/inputs/value");
        assertThat(at(problems, "/id")).extracting(Problem::line, Problem::column).containsExactly(2, 3);
        assertThat(at(problems, "/colour").line()).isEqualTo(4);
        assertThat(at(problems, "/nodes/0/type")).extracting(Problem::line, Problem::column).containsExactly(6, 17);
        assertThat(at(problems, "/nodes/0/type").message()).contains("'test.ech'", "Did you mean 'test.echo'?");
        assertThat(at(problems, "/nodes/1/properties/methd").message()).contains("Did you mean 'method'?");
        assertThat(at(problems, "/nodes/1/properties/retries").message()).contains("must be of type integer");
        assertThat(at(problems, "/nodes/1/properties").message()).contains("needs property 'url'");
        assertThat(at(problems, "/nodes/2/id").message()).contains("already used by the node at /nodes/1");
        assertThat(at(problems, "/nodes/3/inputs/value").message()).contains("no output 'bdy'", "Did you mean 'body'?");
        assertThat(at(problems, "/nodes/3/inputs/value").line()).isEqualTo(9);
        assertThat(problems).isSortedAccordingTo(Problem.IN_FILE_ORDER)
                .allSatisfy(p -> assertThat(p.line()).isPositive())
                .allSatisfy(p -> assertThat(p.column()).isPositive());
        assertThat(problems).hasSize(8);
    }

    @Test
    void malformedJsonStopsWithLineAndColumn() {
        List<Problem> problems = problems("{\n  \"id\": \"x\",\n  \"name\" \"y\"\n}");

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.column()).isGreaterThan(1);
            assertThat(p.message()).contains("not valid JSON at line 3");
        });
    }

    @Test
    void emptyAndNonObjectDocumentsAreProblemsNotExceptions() {
        assertThat(problems("  ")).singleElement().extracting(Problem::message).asString().contains("empty");
        assertThat(problems("[1]")).singleElement().extracting(Problem::message).asString().contains("not an array");
        assertThat(problems("{\"id\": \"a\"} []")).extracting(Problem::message).anySatisfy(m -> assertThat(m).contains("more content"));
    }

    @Test
    void duplicateKeysAreReportedWithBothLines() {
        List<Problem> problems = problems("""
                {"id": "a", "name": "n",
                 "id": "b",
                 "nodes": [{"id": "x", "type": "test.echo", "inputs": {"value": 1, "value": 2}}]}
                """);

        assertThat(at(problems, "/id").message()).contains("appears twice", "first at line 1");
        assertThat(at(problems, "/id").line()).isEqualTo(2);
        assertThat(at(problems, "/nodes/0/inputs/value").message()).contains("appears twice");
    }

    @Test
    void missingAndMistypedTopLevelFields() {
        List<Problem> problems = problems("{\"name\": 3, \"nodes\": {}, \"timeoutMs\": -1, \"outputs\": []}");

        assertThat(problems).extracting(Problem::pointer).contains("", "/name", "/nodes", "/timeoutMs", "/outputs");
        assertThat(at(problems, "").message()).contains("needs \"id\"");
        assertThat(at(problems, "/name").message()).contains("must be a string, not a number");
    }

    @Test
    void findsCyclesAndNamesTheirNodes() {
        List<Problem> problems = problems("""
                {"id": "c", "name": "c", "nodes": [
                  {"id": "a", "type": "test.echo", "inputs": {"value": {"from": "c.value"}}},
                  {"id": "b", "type": "test.echo", "inputs": {"value": {"from": "a.value"}}},
                  {"id": "c", "type": "test.echo", "inputs": {"value": {"from": "b.value"}}},
                  {"id": "d", "type": "test.echo", "inputs": {"value": {"from": "d.value"}}}
                ]}
                """);

        assertThat(problems).filteredOn(p -> p.message().contains("cycle")).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("'a'", "'b'", "'c'"));
        assertThat(at(problems, "/nodes/3/inputs/value").message()).contains("its own output");
    }

    @Test
    void wireMistakes() {
        List<Problem> problems = problems("""
                {"id": "w", "name": "w", "nodes": [
                  {"id": "alpha", "type": "test.echo", "inputs": {"value": {"from": "alpah.value"}}},
                  {"id": "b", "type": "test.config", "properties": {"url": {"from": "alpha.value"}},
                   "inputs": {"headers": {"x": {"from": "alpha"}}, "count": {"from": "b2.status"}, "bogus": 1}},
                  {"id": "b2", "type": "test.config", "properties": {"url": "https://x"},
                   "inputs": {"headers": {"from": "b.status"}, "token": {"from": 3}}}
                ],
                "outputs": {"o": {"from": "nowhere.x"}}}
                """);

        assertThat(at(problems, "/nodes/0/inputs/value").message()).contains("not in this pattern", "Did you mean 'alpha'?");
        assertThat(at(problems, "/nodes/1/properties/url").message()).contains("wires a property");
        assertThat(at(problems, "/nodes/1/inputs/headers/x").message()).contains("must name an output");
        assertThat(at(problems, "/nodes/1/inputs/bogus").message()).contains("has no input 'bogus'");
        assertThat(at(problems, "/nodes/2/inputs/headers").message()).contains("expects object", "delivers integer");
        assertThat(at(problems, "/nodes/2/inputs/token/from").message()).contains("must be a string");
        assertThat(at(problems, "/outputs/o").message()).contains("'nowhere'");
    }

    @Test
    void literalChecksUseTheSpecAndNeverQuoteSensitiveValues() {
        List<Problem> problems = problems("""
                {"id": "l", "name": "l", "nodes": [
                  {"id": "n", "type": "test.config",
                   "properties": {"url": "http://plain", "method": "PUT", "retries": 9, "apiKey": "sk-live-123"},
                   "inputs": {"count": "x", "level": "medium", "headers": {"a": {"from": "trigger.h"}}}}
                ]}
                """);

        assertThat(at(problems, "/nodes/0/properties/url").message()).contains("must be an https URL");
        assertThat(at(problems, "/nodes/0/properties/method").message()).contains("must be one of GET, POST");
        assertThat(at(problems, "/nodes/0/properties/retries").message()).contains("between 0 and 5");
        assertThat(at(problems, "/nodes/0/properties/apiKey").message()).contains("must be one of");
        assertThat(at(problems, "/nodes/0/inputs/count").message()).contains("must be of type integer");
        // Literal inputs are checked here, once: the engine does not check them again on every run.
        assertThat(at(problems, "/nodes/0/inputs/level").message()).contains("must be one of low, high");
        assertThat(problems).allSatisfy(p -> assertThat(p.message()).doesNotContain("sk-live-123"));
        assertThat(problems).hasSize(6);
    }

    @Test
    void badTriggers() {
        List<Problem> problems = problems("""
                {"id": "t", "name": "t", "nodes": [{"id": "n", "type": "test.echo", "inputs": {"value": 1}}],
                 "trigger": {"type": "htp", "method": "GET", "credentials": ["k", "k", 3], "extra": 1}}
                """);

        assertThat(at(problems, "/trigger/type").message()).contains("Did you mean 'http'?");
        assertThat(at(problems, "/trigger/method").message()).contains("only applies to http triggers");
        assertThat(at(problems, "/trigger/credentials/1").message()).contains("listed twice");
        assertThat(at(problems, "/trigger/credentials/2").message()).contains("name of a payload field");
        assertThat(at(problems, "/trigger/extra").message()).contains("unknown field");

        List<Problem> http = problems("""
                {"id": "t", "name": "t", "nodes": [{"id": "n", "type": "test.echo", "inputs": {"value": 1}}],
                 "trigger": {"type": "http", "method": "FETCH"}}
                """);
        assertThat(http).extracting(Problem::pointer).contains("/trigger", "/trigger/method");
    }

    @Test
    void reservedAndMalformedNodeIds() {
        List<Problem> problems = problems("""
                {"id": "t", "name": "t", "nodes": [
                  {"id": "trigger", "type": "test.echo", "inputs": {"value": 1}},
                  {"id": "a.b", "type": "test.echo", "inputs": {"value": 1}},
                  {"type": "test.echo"},
                  7
                ]}
                """);

        assertThat(at(problems, "/nodes/0/id").message()).contains("reserved");
        assertThat(at(problems, "/nodes/1/id").message()).contains("dots separate");
        assertThat(at(problems, "/nodes/2").message()).contains("needs \"id\"");
        assertThat(at(problems, "/nodes/3").message()).contains("must be an object");
    }

    @Test
    void aFieldInTheWrongSectionSaysWhereItBelongs() {
        List<Problem> problems = problems("""
                {"id": "s", "name": "s", "nodes": [
                  {"id": "n", "type": "test.config", "properties": {"url": "https://x", "count": 1},
                   "inputs": {"retries": 2}}
                ]}
                """);

        assertThat(at(problems, "/nodes/0/properties/count").message()).contains("under \"inputs\"");
        assertThat(at(problems, "/nodes/0/inputs/retries").message()).contains("under \"properties\"");
    }

    @Test
    void wireTypeCompatibility() {
        assertThat(PatternValidator.compatible(dev.keyway.api.ValueType.INTEGER, dev.keyway.api.ValueType.NUMBER)).isTrue();
        assertThat(PatternValidator.compatible(dev.keyway.api.ValueType.SECRET, dev.keyway.api.ValueType.STRING)).isTrue();
        assertThat(PatternValidator.compatible(dev.keyway.api.ValueType.ANY, dev.keyway.api.ValueType.OBJECT)).isTrue();
        assertThat(PatternValidator.compatible(dev.keyway.api.ValueType.NUMBER, dev.keyway.api.ValueType.INTEGER)).isFalse();
        assertThat(PatternValidator.compatible(dev.keyway.api.ValueType.STRING, dev.keyway.api.ValueType.BOOLEAN)).isFalse();
    }

    @Test
    void neverThrowsOnMangledInput() {
        String valid = """
                {"id": "m", "name": "m", "trigger": {"type": "http", "path": "/m", "credentials": ["k"]},
                 "timeoutMs": 100, "nodes": [
                  {"id": "a", "type": "test.echo", "inputs": {"value": {"from": "trigger.k", "default": [1, {"x": null}]}}},
                  {"id": "b", "type": "test.config", "properties": {"url": "https://x", "retries": 2},
                   "inputs": {"headers": {"h": {"from": "a.value.0"}}, "count": {"literal": 3}}}
                 ], "outputs": {"o": {"from": "b.body"}}}
                """;
        for (int i = 0; i < valid.length(); i++) {
            String deleted = valid.substring(0, i) + valid.substring(i + 1);
            String truncated = valid.substring(0, i);
            String swapped = valid.substring(0, i) + "[" + valid.substring(i + 1);
            for (String text : List.of(deleted, truncated, swapped)) {
                PatternChecker.Result result = checker.check(text);
                assertThat(result.valid() || result.problems().isEmpty()).isEqualTo(result.pattern().isPresent());
            }
        }
    }

    @Test
    void namesAndDescriptionsMustShowWhatTheySay() {
        List<Problem> problems = problems("""
                {"id": "p", "name": "Pay\\u202eyap", "description": "two\\nlines are fine, \\u001b[2J is not",
                 "nodes": [{"id": "a", "type": "test.echo", "inputs": {"value": 1}}]}
                """);

        assertThat(at(problems, "/name").message()).contains("U+202E", "bidirectional", "visible characters only");
        assertThat(at(problems, "/description").message()).contains("U+001B (a control character)");
        assertThat(problems).hasSize(2);
    }

    @Test
    void aFloodOfProblemsIsCutToTheFirstPage() {
        StringBuilder junk = new StringBuilder("{\"id\": \"p\", \"name\": \"P\", \"nodes\": [{\"id\": \"a\", \"type\": \"test.echo\", "
                + "\"inputs\": {\"value\": 1}}]");
        for (int i = 0; i < 5_000; i++) {
            junk.append(",\n\"junk").append(i).append("\": 1");
        }

        List<Problem> problems = problems(junk.append('}').toString());

        assertThat(problems).hasSize(PatternChecker.MAX_PROBLEMS + 1);
        assertThat(problems.get(PatternChecker.MAX_PROBLEMS).message())
                .startsWith("... and " + (5_000 - PatternChecker.MAX_PROBLEMS) + " more problems");
    }
}
