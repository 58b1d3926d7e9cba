package dev.keyway.connections.service;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyway.connections.store.InvalidRequestException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConnectionTargetsTest {

    @Test
    void acceptsWebUrlsAndHostPatterns() {
        assertThatCode(() -> ConnectionTargets.check("https://jira.example.com/rest", List.of("*.example.com", "127.0.0.1:8080")))
                .doesNotThrowAnyException();
        assertThatCode(() -> ConnectionTargets.check(null, null)).doesNotThrowAnyException();
        assertThatCode(() -> ConnectionTargets.check("", List.of())).doesNotThrowAnyException();
    }

    @Test
    void refusesWhatCouldNotBeCalledOrOnlyLooksLikeAHost() {
        for (String url : new String[] {"jira.example.com", "ftp://example.com", "https://", "https://ex\u0000ample.com",
                "https://ex\u200Bample.com", "https://b\u00fccher.example", "https://example.com/a b", "javascript:alert(1)"}) {
            assertThatThrownBy(() -> ConnectionTargets.check(url, null)).as(url).isInstanceOf(InvalidRequestException.class)
                    .hasMessageContaining("must be an absolute http(s) URL").hasMessageNotContaining("\u0000");
        }
        assertThatThrownBy(() -> ConnectionTargets.check("https://me:pw\u0040example.com", null))
                .hasMessageContaining("must not hold a user or password").hasMessageNotContaining("pw");
        assertThatThrownBy(() -> ConnectionTargets.check(null, List.of("slack.com", "sl\u202Eack.com")))
                .hasMessageContaining("allowed host 'sl\\u202eack.com' is not usable");
    }
}
