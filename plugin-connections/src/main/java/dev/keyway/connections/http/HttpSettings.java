package dev.keyway.connections.http;

import java.time.Duration;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;

/**
 * How the plugin's HTTP client is built.
 *
 * @param connectTimeout  longest wait for a TCP/TLS connection (also capped by each request's deadline)
 * @param maxConnections  pool size across all hosts
 * @param maxPerHost      pool size per host
 * @param idleEviction    idle pooled connections are closed after this long
 * @param dnsResolver     resolves host names; every answer is still checked by {@link AddressGuard}
 */
public record HttpSettings(
        Duration connectTimeout, int maxConnections, int maxPerHost, Duration idleEviction, DnsResolver dnsResolver) {

    /**
     * As many connections to one host as a busy engine runs executions at once: with fewer, the
     * executions queue for a pooled connection, and each hand-over of one costs a thread wake-up.
     */
    public static HttpSettings defaults() {
        return new HttpSettings(Duration.ofSeconds(10), 256, 64, Duration.ofSeconds(30),
                SystemDefaultDnsResolver.INSTANCE);
    }

    /** The same settings with another resolver, e.g. one that maps test names to addresses. */
    public HttpSettings withDnsResolver(DnsResolver resolver) {
        return new HttpSettings(connectTimeout, maxConnections, maxPerHost, idleEviction, resolver);
    }
}
