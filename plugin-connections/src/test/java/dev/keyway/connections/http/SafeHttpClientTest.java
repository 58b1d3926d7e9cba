package dev.keyway.connections.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyway.api.NodeException;
import dev.keyway.api.Secret;
import dev.keyway.connections.testing.LoopbackServer;
import dev.keyway.connections.testing.RawUpstream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SafeHttpClientTest {

    private static final String CANARY = "canary-7f3a9";

    private final SafeHttpClient client = new SafeHttpClient(HttpSettings.defaults().withDnsResolver(new TestDns()));
    private final LoopbackServer a = new LoopbackServer();
    private final LoopbackServer b = new LoopbackServer();

    @AfterEach
    void close() {
        client.close();
        a.close();
        b.close();
    }

    @Test
    void crossOriginRedirectArrivesWithoutAnyCredential() {
        a.on("/start", LoopbackServer.redirect(302, b.url("/land?keep=1&api_key=" + CANARY)));
        b.on("/land", LoopbackServer.json("{}"));

        HttpResult result = client.send(request("GET", a.url("/start"), credentials()));

        assertThat(result.status()).isEqualTo(200);
        assertThat(result.redirects()).isEqualTo(1);
        LoopbackServer.Received landed = b.last();
        assertThat(landed.header("Authorization")).isNull();
        assertThat(landed.header("Cookie")).isNull();
        assertThat(landed.header("X-Secret")).isNull();
        assertThat(landed.header("X-Trace")).isEqualTo("t-1");
        assertThat(landed.query()).isEqualTo("keep=1");
        assertThat(landed.toString()).doesNotContain("canary");
        assertThat(a.last().header("Authorization")).isEqualTo("Bearer " + CANARY);
    }

    @Test
    void sameOriginRedirectKeepsCredentials() {
        a.on("/start", LoopbackServer.redirect(301, "/land"));
        a.on("/land", LoopbackServer.json("{}"));

        client.send(request("GET", a.url("/start"), credentials()));

        LoopbackServer.Received landed = a.last();
        assertThat(landed.path()).isEqualTo("/land");
        assertThat(landed.header("Authorization")).isEqualTo("Bearer " + CANARY);
        assertThat(landed.header("Cookie")).isEqualTo("session=" + CANARY + "-c");
        assertThat(landed.header("X-Secret")).isEqualTo(CANARY + "-h");
        assertThat(landed.query()).isEqualTo("api_key=" + CANARY + "-q");
    }

    @Test
    void theResultsUrlHoldsNoCredentialParameter() {
        a.on("/x", LoopbackServer.json("{}"));
        HttpResult result = client.send(request("GET", a.url("/x?page=2"), credentials()));
        assertThat(a.last().query()).contains("api_key=");
        assertThat(result.finalUrl().toString()).endsWith("/x?page=2");
    }

    @Test
    void credentialsAreNotRestoredAfterLeavingTheOrigin() {
        a.on("/start", LoopbackServer.redirect(302, b.url("/bounce")));
        b.on("/bounce", LoopbackServer.redirect(302, a.url("/back")));
        a.on("/back", LoopbackServer.json("{}"));

        client.send(request("GET", a.url("/start"), credentials()));

        assertThat(a.last().path()).isEqualTo("/back");
        assertThat(a.last().header("Authorization")).isNull();
    }

    @Test
    void credentialsForAnotherHostAreRefusedBeforeAnySocketOpens() throws Exception {
        try (ServerSocket listening = new ServerSocket()) {
            listening.bind(new InetSocketAddress("127.0.0.1", 0));
            String url = "http://localhost:" + listening.getLocalPort() + "/";

            assertThatThrownBy(() -> client.send(request("GET", url, credentials())))
                    .isInstanceOfSatisfying(NodeException.class, e -> {
                        assertThat(e.code()).isEqualTo("forbidden_host");
                        assertThat(e.getMessage()).contains("localhost", "conn_test").doesNotContain("canary");
                    });

            // The kernel would have queued a connection even without accept(); there is none.
            listening.setSoTimeout(300);
            assertThatThrownBy(listening::accept).isInstanceOf(SocketTimeoutException.class);
        }
    }

    @Test
    void requestsWithoutCredentialsMayGoAnywhere() {
        a.on("/open", LoopbackServer.json("{\"ok\":true}"));
        HttpResult result = client.send(request("GET", "http://localhost:" + a.port() + "/open",
                OutgoingRequest.Credentials.NONE));
        assertThat(new String(result.body(), StandardCharsets.UTF_8)).isEqualTo("{\"ok\":true}");
    }

    @Test
    void namesThatResolveToMetadataAddressesAreRefused() {
        for (String host : List.of("metadata.test", "metadata6.test", "mapped.test")) {
            OutgoingRequest.Credentials credentials = new OutgoingRequest.Credentials("conn_test",
                    AllowedHosts.of(host), credentials().injection());
            assertThatThrownBy(() -> client.send(request("GET", "http://" + host + "/latest/meta-data/", credentials)))
                    .isInstanceOfSatisfying(NodeException.class, e -> {
                        assertThat(e.code()).isEqualTo("forbidden_address");
                        assertThat(e.getMessage()).contains(host).doesNotContain("canary");
                    });
        }
    }

    @Test
    void metadataLiteralsAreRefusedEvenWithoutCredentials() {
        for (String url : List.of("http://169.254.169.254/latest/meta-data/", "http://[fd00:ec2::254]/")) {
            assertThatThrownBy(() -> client.send(request("GET", url, OutgoingRequest.Credentials.NONE)))
                    .isInstanceOfSatisfying(NodeException.class, e -> assertThat(e.code()).isEqualTo("forbidden_address"));
        }
    }

    @Test
    void aRedirectToAMetadataAddressIsRefused() {
        a.on("/start", LoopbackServer.redirect(302, "http://169.254.169.254/latest/meta-data/"));
        assertThatThrownBy(() -> client.send(request("GET", a.url("/start"), credentials())))
                .isInstanceOfSatisfying(NodeException.class, e -> assertThat(e.code()).isEqualTo("forbidden_address"));
    }

    @Test
    void bodiesLargerThanTheLimitFailClearly() {
        a.on("/sized", exchange -> LoopbackServer.respond(exchange, 200, "text/plain", "x".repeat(5000)));
        a.on("/endless", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            byte[] chunk = new byte[8192];
            try (OutputStream out = exchange.getResponseBody()) {
                while (true) {
                    out.write(chunk);
                }
            } catch (java.io.IOException expectedWhenTheClientHangsUp) {
                // the client dropped the connection, as it should
            }
        });
        for (String path : List.of("/sized", "/endless")) {
            OutgoingRequest big = new OutgoingRequest("GET", URI.create(a.url(path)), List.of(), List.of(), null,
                    OutgoingRequest.Credentials.NONE, new OutgoingRequest.Limits(Duration.ofSeconds(10), 1000, true, 5));
            long start = System.nanoTime();
            assertThatThrownBy(() -> client.send(big))
                    .isInstanceOfSatisfying(NodeException.class, e -> {
                        assertThat(e.code()).isEqualTo("response_too_large");
                        assertThat(e.getMessage()).contains("1000 bytes", "maxResponseBytes");
                    });
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    void aSilentServerTimesOut() {
        a.on("/slow", exchange -> sleep(5000));
        assertTimesOut("/slow");
    }

    @Test
    void aDrippingServerIsCutOffAtTheDeadline() {
        a.on("/drip", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < 100; i++) {
                    out.write('x');
                    out.flush();
                    sleep(100);
                }
            } catch (java.io.IOException expectedWhenTheClientHangsUp) {
                // the client gave up, as it should
            }
        });
        assertTimesOut("/drip");
    }

    private void assertTimesOut(String path) {
        OutgoingRequest slow = new OutgoingRequest("GET", URI.create(a.url(path)), List.of(), List.of(), null,
                OutgoingRequest.Credentials.NONE, new OutgoingRequest.Limits(Duration.ofMillis(600), 1 << 20, true, 5));
        long start = System.nanoTime();
        assertThatThrownBy(() -> client.send(slow))
                .isInstanceOfSatisfying(NodeException.class, e -> {
                    assertThat(e.code()).isEqualTo("timeout");
                    assertThat(e.getMessage()).contains("600 ms");
                });
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2500));
    }

    @Test
    void anEndlessHeaderLineIsRefusedAtTheHeaderLimitNotBuffered() {
        try (RawUpstream upstream = new RawUpstream(exchange -> {
            exchange.send("HTTP/1.1 200 OK\r\nX-Long: ");
            for (int i = 0; i < 100_000; i++) {
                exchange.send("a".repeat(8192));
            }
        })) {
            assertThatThrownBy(() -> client.send(request("GET", upstream.url("/"), OutgoingRequest.Credentials.NONE)))
                    .isInstanceOfSatisfying(NodeException.class, e -> {
                        assertThat(e.code()).isEqualTo("response_too_large");
                        assertThat(e.getMessage()).startsWith("GET " + upstream.url("/") + " failed");
                    });
        }
    }

    @Test
    void aMalformedAnswerQuotingTheCredentialStaysOutOfTheError() {
        // HttpCore quotes a malformed header line in its exception; the node error must not carry it along.
        try (RawUpstream upstream = new RawUpstream(exchange -> exchange.send("HTTP/1.1 200 OK\r\n"
                + exchange.head().lines().skip(1).map(line -> line.replace(':', ' ') + "\r\n")
                        .collect(Collectors.joining()) + "\r\n"))) {
            assertThatThrownBy(() -> client.send(request("GET", upstream.url("/"), credentials())))
                    .isInstanceOfSatisfying(NodeException.class, e -> {
                        assertThat(e.code()).isEqualTo("http_failed");
                        assertThat(e.getCause()).isNull();
                        assertThat(e.getMessage()).contains("not valid HTTP").doesNotContain(CANARY);
                    });
            assertThat(upstream.heads().get(0)).contains(CANARY);
        }
    }

    @Test
    void redirectLoopsStopAtTheLimit() {
        a.on("/loop", LoopbackServer.redirect(302, "/loop"));
        assertThatThrownBy(() -> client.send(request("GET", a.url("/loop"), credentials())))
                .isInstanceOfSatisfying(NodeException.class, e -> assertThat(e.code()).isEqualTo("redirect_refused"));
        assertThat(a.received()).hasSize(6);
    }

    @Test
    void redirectsAreNotFollowedWhenSwitchedOff() {
        a.on("/start", LoopbackServer.redirect(302, b.url("/land")));
        OutgoingRequest noFollow = new OutgoingRequest("GET", URI.create(a.url("/start")), List.of(), List.of(), null,
                credentials(), new OutgoingRequest.Limits(Duration.ofSeconds(5), 1 << 20, false, 5));
        HttpResult result = client.send(noFollow);
        assertThat(result.status()).isEqualTo(302);
        assertThat(b.received()).isEmpty();
    }

    @Test
    void seeOtherTurnsAPostIntoAGetWithoutBody() {
        a.on("/post", LoopbackServer.redirect(303, "/result"));
        a.on("/result", LoopbackServer.json("{}"));
        client.send(withBody(a.url("/post"), 303, false));
        assertThat(a.last().method()).isEqualTo("GET");
        assertThat(a.last().body()).isEmpty();
    }

    @Test
    void aBodyHoldingASecretIsNeverResentToAnotherOrigin() {
        a.on("/post", LoopbackServer.redirect(307, b.url("/steal")));
        assertThatThrownBy(() -> client.send(withBody(a.url("/post"), 307, true)))
                .isInstanceOfSatisfying(NodeException.class, e -> assertThat(e.code()).isEqualTo("redirect_refused"));
        assertThat(b.received()).isEmpty();
    }

    @Test
    void closeStopsEveryThreadTheClientStarted() throws Exception {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        SafeHttpClient own = new SafeHttpClient(HttpSettings.defaults());
        a.on("/x", LoopbackServer.json("{}"));
        own.send(request("GET", a.url("/x"), OutgoingRequest.Credentials.NONE));
        Set<Thread> started = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> !before.contains(t) && !t.getName().startsWith("pool-"))
                .collect(Collectors.toSet());
        assertThat(started).extracting(Thread::getName).contains("keyway-http-deadlines");
        assertThat(started).hasSizeGreaterThanOrEqualTo(2); // and the pool's idle connection evictor

        own.close();

        for (Thread thread : started) {
            thread.join(2000);
        }
        assertThat(started).noneMatch(Thread::isAlive);
    }

    private OutgoingRequest withBody(String url, int status, boolean secretBody) {
        return new OutgoingRequest("POST", URI.create(url), List.of(), List.of(),
                new OutgoingRequest.Body("{\"a\":1}".getBytes(StandardCharsets.UTF_8), "application/json", secretBody),
                OutgoingRequest.Credentials.NONE, new OutgoingRequest.Limits(Duration.ofSeconds(5), 1 << 20, true, 5));
    }

    static OutgoingRequest request(String method, String url, OutgoingRequest.Credentials credentials) {
        return new OutgoingRequest(method, URI.create(url),
                List.of(new OutgoingRequest.Field("X-Trace", "t-1"),
                        new OutgoingRequest.Field("X-Secret", Secret.of(CANARY + "-h"))),
                List.of(), null, credentials,
                new OutgoingRequest.Limits(Duration.ofSeconds(5), 1 << 20, true, 5));
    }

    static OutgoingRequest.Credentials credentials() {
        return new OutgoingRequest.Credentials("conn_test", AllowedHosts.of("127.0.0.1"), new Injection(
                List.of(new NamedSecret("Authorization", Secret.of("Bearer " + CANARY))),
                List.of(new NamedSecret("api_key", Secret.of(CANARY + "-q"))),
                List.of(new NamedSecret("session", Secret.of(CANARY + "-c")))));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Maps test names to metadata addresses; everything else goes to the system resolver. */
    private static final class TestDns implements DnsResolver {

        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            return switch (host) {
                case "metadata.test" -> new InetAddress[] {InetAddress.getByAddress(host, new byte[] {(byte) 169, (byte) 254, (byte) 169, (byte) 254})};
                case "metadata6.test" -> new InetAddress[] {InetAddress.getByName("fd00:ec2::254")};
                case "mapped.test" -> new InetAddress[] {InetAddress.getByAddress(host, new byte[] {
                        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, (byte) 169, (byte) 254, 1, 1})};
                default -> SystemDefaultDnsResolver.INSTANCE.resolve(host);
            };
        }

        @Override
        public String resolveCanonicalHostname(String host) throws UnknownHostException {
            return host;
        }
    }
}
