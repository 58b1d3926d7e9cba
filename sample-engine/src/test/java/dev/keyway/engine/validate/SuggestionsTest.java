package dev.keyway.engine.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionsTest {

    @Test
    void suggestsTheClosestPlausibleName() {
        List<String> names = List.of("method", "url", "headers", "body");

        assertThat(Suggestions.closest("methd", names)).contains("method");
        assertThat(Suggestions.closest("URL", names)).contains("url");
        assertThat(Suggestions.closest("hedaers", names)).contains("headers");
        assertThat(Suggestions.closest("completely-different", names)).isEmpty();
        assertThat(Suggestions.closest("x", List.of())).isEmpty();
        assertThat(Suggestions.didYouMean("bdy", names)).isEqualTo(" Did you mean 'body'?");
    }

    @Test
    void editDistance() {
        assertThat(Suggestions.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(Suggestions.distance("", "abc")).isEqualTo(3);
        assertThat(Suggestions.distance("same", "same")).isZero();
    }
}
