package dev.keyway.connections.nodes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyway.api.NodeException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestUrlTest {

    @Test
    void varsAreEncodedAndTheBaseUrlIsNot() {
        assertThat(RequestUrl.build("{baseUrl}/repos/{owner}/{repo}", Map.of("owner", "a b", "repo", "x/y?z"),
                "https://api.github.com").toString())
                .isEqualTo("https://api.github.com/repos/a%20b/x%2Fy%3Fz");
    }

    @Test
    void aMissingBaseUrlOrVarIsNamed() {
        assertThatThrownBy(() -> RequestUrl.build("{baseUrl}/x", Map.of(), null))
                .isInstanceOfSatisfying(NodeException.class, e -> assertThat(e.getMessage()).contains("{baseUrl}"));
        assertThatThrownBy(() -> RequestUrl.build("https://a.test/{id}", Map.of(), null))
                .isInstanceOfSatisfying(NodeException.class, e -> assertThat(e.getMessage()).contains("'id'"));
    }

    @Test
    void onlyAbsoluteHttpUrlsWithoutUserInfo() {
        for (String bad : new String[] {"/relative", "ftp://a.test/", "https://user:pw@a.test/"}) {
            assertThatThrownBy(() -> RequestUrl.build(bad, Map.of(), null)).as(bad)
                    .isInstanceOfSatisfying(NodeException.class, e -> assertThat(e.code()).isEqualTo("invalid_url"));
        }
    }
}
