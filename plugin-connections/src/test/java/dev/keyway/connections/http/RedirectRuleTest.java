package dev.keyway.connections.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class RedirectRuleTest {

    private static final URI HERE = URI.create("https://api.example.test/v1/things");

    @Test
    void relativeLocationsResolveAgainstTheCurrentUrl() {
        assertThat(RedirectRule.next(HERE, "GET", 302, "/v2/things").target())
                .isEqualTo(URI.create("https://api.example.test/v2/things"));
    }

    @Test
    void methodRulesFollowBrowsers() {
        assertThat(RedirectRule.next(HERE, "POST", 303, "/r")).extracting(RedirectRule::method, RedirectRule::keepsBody)
                .containsExactly("GET", false);
        assertThat(RedirectRule.next(HERE, "POST", 302, "/r").method()).isEqualTo("GET");
        assertThat(RedirectRule.next(HERE, "PUT", 307, "/r")).extracting(RedirectRule::method, RedirectRule::keepsBody)
                .containsExactly("PUT", true);
        assertThat(RedirectRule.next(HERE, "HEAD", 303, "/r").method()).isEqualTo("HEAD");
    }

    @Test
    void nonHttpLocationsAreRejected() {
        assertThat(RedirectRule.next(HERE, "GET", 302, "file:///etc/passwd")).isNull();
        assertThat(RedirectRule.next(HERE, "GET", 302, "javascript:alert(1)")).isNull();
    }

    @Test
    void originsCompareSchemeHostAndPort() {
        assertThat(Origin.of(URI.create("https://a.test/x"))).isEqualTo(Origin.of(URI.create("https://A.test:443/y")));
        assertThat(Origin.of(URI.create("https://a.test/x"))).isNotEqualTo(Origin.of(URI.create("http://a.test/x")));
        assertThat(Origin.display(URI.create("https://a.test:8443/p?api_key=s"))).isEqualTo("https://a.test:8443/p");
    }
}
