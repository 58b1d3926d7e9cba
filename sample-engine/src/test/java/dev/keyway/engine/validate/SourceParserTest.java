package dev.keyway.engine.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class SourceParserTest {

    @Test
    void remembersWhereEachKeyAndValueWas() {
        SourceParser.Result result = SourceParser.parse("{\n  \"a\": [1, 2.5,\n   {\"b\": null}],\n  \"big\": 123456789012345678901234}");

        assertThat(result.problems()).isEmpty();
        SourceValue.Obj root = (SourceValue.Obj) result.root();
        assertThat(root.position()).isEqualTo(new Position(1, 1));
        assertThat(root.members().get("a").position()).isEqualTo(new Position(2, 3));
        SourceValue.Arr array = (SourceValue.Arr) root.members().get("a").value();
        assertThat(array.items().get(1)).isEqualTo(new SourceValue.Scalar(2.5, new Position(2, 12)));
        assertThat(((SourceValue.Obj) array.items().get(2)).members().get("b").position()).isEqualTo(new Position(3, 5));
        assertThat(((SourceValue.Scalar) root.members().get("big").value()).value()).isInstanceOf(BigInteger.class);
    }

    @Test
    void locatesPointersFallingBackToTheNearestParent() {
        SourceValue root = SourceParser.parse("{\"n\": [\n {\"x/y\": 1}]}").root();
        SourceLocator locator = new SourceLocator(root);

        assertThat(locator.locate("/n/0/x~1y")).isEqualTo(new Position(2, 3));
        assertThat(locator.locate("/n/0/missing")).isEqualTo(new Position(2, 2));
        assertThat(locator.locate("/n/9")).isEqualTo(new Position(1, 2));
        assertThat(locator.locate("")).isEqualTo(new Position(1, 1));
    }

    @Test
    void reportsSyntaxErrorsWithTheirPosition() {
        SourceParser.Result result = SourceParser.parse("{\"a\": 1,\n \"b\": }");

        assertThat(result.root()).isNull();
        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.column()).isEqualTo(7);
        });
    }

    @Test
    void refusesNestingPastTheLimitWhereItHappens() {
        SourceParser.Result result = SourceParser.parse("{\"a\":\n" + "[".repeat(10_000) + "]".repeat(10_000) + "}");

        assertThat(result.root()).isNull();
        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(2);
            // The object is one level; the parser stops just past the 200th '[', the array that breaks the limit.
            assertThat(p.column()).isEqualTo(SourceParser.MAX_DEPTH + 1);
            assertThat(p.message()).contains("more than " + SourceParser.MAX_DEPTH + " levels deep", "flatten");
        });
    }

    @Test
    void refusesTextsTooLongAndKeepsOnlyTheirStart() {
        String longText = "x".repeat(SourceParser.MAX_TEXT + 1);
        SourceParser.Result result = SourceParser.parse("{\"name\": \"" + longText + "\", \"" + longText + "\": 1}");

        assertThat(result.problems()).hasSize(2).allSatisfy(p -> {
            assertThat(p.message()).contains((SourceParser.MAX_TEXT + 1) + " characters long");
            assertThat(p.pointer()).hasSizeLessThan(100);
        });
        SourceValue.Obj root = (SourceValue.Obj) result.root();
        assertThat(((SourceValue.Scalar) root.members().get("name").value()).value().toString()).hasSizeLessThan(100);
    }

    @Test
    void refusesHalfASurrogatePairInKeysAndValues() {
        SourceParser.Result result = SourceParser.parse("{\"a\": \"x\\ud800\",\n \"\\udfffk\": 1, \"ok\": \"\\ud83d\\udd11\"}");

        assertThat(result.problems()).extracting(Problem::pointer, Problem::line)
                .containsExactly(tuple("/a", 1), tuple("/\\udfffk", 2));
        assertThat(result.problems()).allSatisfy(p -> assertThat(p.message()).contains("half of a surrogate pair"));
    }
}
