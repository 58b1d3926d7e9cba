package dev.keyway.connections.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AllowedHostsTest {

    @Test
    void exactNamesMatchIgnoringCaseAndTrailingDot() {
        AllowedHosts hosts = AllowedHosts.of("api.github.com");
        assertThat(hosts.permits("API.GitHub.com")).isTrue();
        assertThat(hosts.permits("api.github.com.")).isTrue();
        assertThat(hosts.permits("api.github.com.evil.test")).isFalse();
        assertThat(hosts.permits("evilapi.github.com")).isFalse();
    }

    @Test
    void wildcardsMatchSubdomainsOnly() {
        AllowedHosts hosts = AllowedHosts.of("*.atlassian.net");
        assertThat(hosts.permits("acme.atlassian.net")).isTrue();
        assertThat(hosts.permits("atlassian.net")).isFalse();
        assertThat(hosts.permits("evilatlassian.net")).isFalse();
    }

    @Test
    void aPatternWithAPortAllowsThatPortOnly() {
        AllowedHosts hosts = AllowedHosts.of("127.0.0.1:8080", "*.corp.test:8443", "[::1]:9000", "api.github.com");
        assertThat(hosts.permits("127.0.0.1", 8080)).isTrue();
        assertThat(hosts.permits("127.0.0.1", 8081)).isFalse();
        assertThat(hosts.permits("127.0.0.1")).isFalse();
        assertThat(hosts.permits("jira.corp.test", 8443)).isTrue();
        assertThat(hosts.permits("jira.corp.test", 443)).isFalse();
        assertThat(hosts.permits("[::1]", 9000)).isTrue();
        assertThat(hosts.permits("api.github.com", 443)).isTrue();
        assertThat(hosts.permits("api.github.com", 8443)).isTrue();
    }

    @Test
    void onlyAsciiHostPatternsWithAValidPortAreUsable() {
        for (String good : new String[] {"api.github.com", "*.atlassian.net", "127.0.0.1:8080", "[::1]:9000", "[::1]",
                "Jira.Acme.Internal:8443", "xn--bcher-kva.example"}) {
            assertThat(AllowedHosts.problemWith(good)).as(good).isEmpty();
        }
        for (String bad : new String[] {"", " ", "sl\u00e4ck.com", "sla\u200bck.com", "slack.com\u202e", "sl\u0000ack.com",
                "http://slack.com", "slack.com/api", "*.", "a..b", "-a.com", "slack.com:0", "slack.com:65536", "slack.com:x",
                "user@slack.com", "slack.com: 80"}) {
            assertThat(AllowedHosts.problemWith(bad)).as(bad).isPresent();
        }
    }
}
