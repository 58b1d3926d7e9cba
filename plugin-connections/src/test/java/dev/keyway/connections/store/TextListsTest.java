package dev.keyway.connections.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextListsTest {

    @Test
    void joinsAndSplitsIncludingTheEmptyList() {
        assertThat(TextLists.split(TextLists.join("tag", List.of("a", "b c")))).containsExactly("a", "b c");
        assertThat(TextLists.split(TextLists.join("tag", List.of()))).isEmpty();
    }

    @Test
    void controlCharactersAreRefused() {
        assertThatThrownBy(() -> TextLists.join("tag", List.of("a\nb")))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("tag value");
    }
}
