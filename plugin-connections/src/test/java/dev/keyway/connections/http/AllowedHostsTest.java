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
}
