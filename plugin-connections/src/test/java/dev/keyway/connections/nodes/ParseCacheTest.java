package dev.keyway.connections.nodes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ParseCacheTest {

    @Test
    void parsesEachTextOnce() {
        AtomicInteger parses = new AtomicInteger();
        ParseCache<String> cache = new ParseCache<>(text -> {
            parses.incrementAndGet();
            return text.toUpperCase();
        });

        assertThat(cache.get("bearer")).isEqualTo("BEARER");
        assertThat(cache.get("bearer")).isEqualTo("BEARER");
        assertThat(parses).hasValue(1);
    }

    @Test
    void aRefusedTextFailsEveryTimeAndIsNotKept() {
        AtomicInteger parses = new AtomicInteger();
        ParseCache<String> cache = new ParseCache<>(text -> {
            parses.incrementAndGet();
            throw new IllegalArgumentException("bad " + text);
        });

        assertThatThrownBy(() -> cache.get("{x")).hasMessage("bad {x");
        assertThatThrownBy(() -> cache.get("{x")).hasMessage("bad {x");
        assertThat(parses).hasValue(2);
    }

    @Test
    void staysBoundedAndStillAnswersPastItsLimit() {
        AtomicInteger parses = new AtomicInteger();
        ParseCache<Integer> cache = new ParseCache<>(text -> {
            parses.incrementAndGet();
            return text.length();
        });
        for (int i = 0; i < ParseCache.LIMIT * 3; i++) {
            assertThat(cache.get("x".repeat(i % 50) + i)).isEqualTo((i % 50) + String.valueOf(i).length());
            assertThat(cache.size()).isLessThanOrEqualTo(ParseCache.LIMIT);
        }
        assertThat(parses).hasValue(ParseCache.LIMIT * 3);
        cache.get("again");
        cache.get("again");
        assertThat(parses).hasValue(ParseCache.LIMIT * 3 + 1);
    }
}
