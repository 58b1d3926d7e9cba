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
}
