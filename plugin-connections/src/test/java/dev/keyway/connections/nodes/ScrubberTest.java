package dev.keyway.connections.nodes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyway.api.Secret;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScrubberTest {

    @Test
    void masksPlaintextsDeepInsideValues() {
        Scrubber scrubber = new Scrubber(List.of(Secret.of("tok-123"), Secret.of("Bearer tok-123")));
        Object out = scrubber.scrub(Map.of("a", List.of("x Bearer tok-123 y", 5), "tok-123", "tok-123"));
        assertThat(out).isEqualTo(Map.of("a", List.of("x ***** y", 5), "*****", "*****"));
    }

    @Test
    void veryShortValuesAreLeftAlone() {
        assertThat(new Scrubber(List.of(Secret.of("a"))).scrub("banana")).isEqualTo("banana");
    }
}
