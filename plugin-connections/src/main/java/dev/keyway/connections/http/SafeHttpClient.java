package dev.keyway.connections.http;

import dev.keyway.api.NodeException;
import dev.keyway.api.support.AlarmClock;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.CloseableHttpResponse;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.ManagedHttpClientConnectionFactory;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.net.URIBuilder;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * The plugin's one pooled HTTP client, wrapped so credentials go only where they belong.
 *
 * <ul>
 *   <li>Automatic redirects are off; {@link #send} follows them hop by hop and checks each hop.</li>
 *   <li>Credentials (injected parts, secret-valued headers and query parameters, Authorization and
 *       Cookie headers) go only to the first request's origin; once a redirect leaves it they are
 *       dropped for the rest of the exchange.</li>
 *   <li>A credentialed request to a host outside the connection's allowed hosts fails before any
 *       socket is opened.</li>
 *   <li>No request connects to a link-local or cloud metadata address, checked after DNS
 *       resolution by {@link GuardedDnsResolver}.</li>
 *   <li>Bodies and header sections are size-limited and the whole exchange is bounded by the request's
 *       timeout.</li>
 * </ul>
 *
 * <p>Thread-safe. {@link #close()} closes the pool and stops its eviction and deadline threads.
 */
public final class SafeHttpClient implements AutoCloseable {

    private final CloseableHttpClient client;
    private final PoolingHttpClientConnectionManager pool;
    private final AlarmClock deadlines;
    private final Duration connectTimeout;

    public SafeHttpClient(HttpSettings settings) {
        this.connectTimeout = settings.connectTimeout();
        ConnectionConfig connections = ConnectionConfig.custom()
                .setConnectTimeout(Timeout.of(settings.connectTimeout()))
                // A stale check on every lease blocks ~1 ms reading a quiet socket; checking only
                // connections idle for a while keeps the safety without paying it per request.
                .setValidateAfterInactivity(TimeValue.ofSeconds(2))
                .build();
        this.pool = PoolingHttpClientConnectionManagerBuilder.create()
                // HttpCore reads a header section of any size by default: one endless header line from a
                // hostile upstream fills the heap long before the deadline ends the exchange.
                .setConnectionFactory(ManagedHttpClientConnectionFactory.builder()
                        .http1Config(Http1Config.custom()
                                .setMaxLineLength(ExchangeErrors.MAX_HEADER_LINE)
                                .setMaxHeaderCount(ExchangeErrors.MAX_HEADER_COUNT)
                                .build())
                        .build())
                .setDnsResolver(new GuardedDnsResolver(settings.dnsResolver()))
                .setDefaultConnectionConfig(connections)
                .setMaxConnTotal(settings.maxConnections())
                .setMaxConnPerRoute(settings.maxPerHost())
                .build();
        this.client = HttpClients.custom()
                .setConnectionManager(pool)
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .evictExpiredConnections()
                .evictIdleConnections(TimeValue.of(settings.idleEviction()))
                .build();
        this.deadlines = new AlarmClock("keyway-http-deadlines", Duration.ofMillis(10));
    }

    /**
     * Sends a request, following redirects as allowed.
     *
     * @throws NodeException {@code forbidden_host}, {@code forbidden_address}, {@code redirect_refused},
     *                       {@code timeout}, {@code response_too_large}, {@code unknown_host},
     *                       {@code connect_failed} or {@code http_failed}; messages hold no credentials
     */
    public HttpResult send(OutgoingRequest request) {
        long deadline = System.nanoTime() + request.limits().timeout().toNanos();
        Origin home = Origin.of(request.url());
        boolean carry = request.carriesCredentials();
        URI url = withQuery(request.url(), request, true, true, false);
        String method = request.method();
        OutgoingRequest.Body body = request.body();
        for (int redirects = 0; ; redirects++) {
            checkDestination(url, request, carry);
            Hop hop = exchange(new HopPlan(method, url, body, carry), request, deadline);
            String location = hop.location();
            if (!request.limits().followRedirects() || !RedirectRule.isRedirect(hop.status()) || location == null) {
                // The result may be logged or shown, so its URL loses the credential parameters.
                URI shown = withQuery(url, request, false, false, true);
                return new HttpResult(hop.status(), hop.headers(), hop.body(), hop.contentType(), shown, redirects);
            }
            if (redirects >= request.limits().maxRedirects()) {
                throw new NodeException("redirect_refused", "%s %s redirected more than %d times; stopped there. "
                        + "Call the final URL directly or raise the redirect limit", method, Origin.display(url),
                        request.limits().maxRedirects());
            }
            RedirectRule next = RedirectRule.next(url, method, hop.status(), location);
            if (next == null) {
                throw new NodeException("redirect_refused", "%s redirected to a location that is not an http(s) URL; "
                        + "only http and https redirects are followed", Origin.display(url));
            }
            boolean sameOrigin = Origin.of(next.target()).equals(home);
            if (!sameOrigin && next.keepsBody() && body != null && body.carriesSecret()) {
                throw new NodeException("redirect_refused", "%s answered %d, which would resend a body holding a "
                        + "secret to another origin (%s); refused", Origin.display(url), hop.status(),
                        Origin.display(next.target()));
            }
            carry = carry && sameOrigin;
            url = withQuery(next.target(), request, false, carry, !sameOrigin);
            method = next.method();
            body = next.keepsBody() ? body : null;
        }
    }

    /** The port a request to {@code url} connects to, the scheme's default when none is written. */
    private static int port(URI url) {
        if (url.getPort() != -1) {
            return url.getPort();
        }
        return "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
    }

    /** Refuses a destination before any socket is opened. */
    private static void checkDestination(URI url, OutgoingRequest request, boolean carry) {
        String host = url.getHost();
        boolean injected = !request.credentials().injection().isEmpty();
        if (carry && injected && !request.credentials().allowedHosts().permits(host, port(url))) {
            throw new NodeException("forbidden_host", "refusing to send the credentials of connection %s to host %s: "
                    + "it is not one of the connection's allowed hosts (%s). Use a URL on an allowed host or "
                    + "change the connection", request.credentials().owner(), host,
                    request.credentials().allowedHosts());
        }
        InetAddress literal = AddressGuard.literalOrNull(host);
        if (literal != null && AddressGuard.isForbidden(literal)) {
            throw ExchangeErrors.forbiddenAddress(host);
        }
    }

    /**
     * Adds the request's query parameters. The first hop gets all of them; a same-origin redirect
     * gets the credential ones again; a cross-origin redirect gets none and loses any parameter
     * named like a credential one, in case the server echoed a key into its Location.
     */
    private static URI withQuery(URI url, OutgoingRequest request, boolean first, boolean carry,
            boolean stripCredentials) {
        if (request.query().isEmpty() && request.credentials().injection().query().isEmpty()) {
            return url; // nothing to add or strip; rebuilding the URI would only cost time
        }
        try {
            URIBuilder builder = new URIBuilder(url);
            for (OutgoingRequest.Field field : request.query()) {
                if (first && !field.isSecret()) {
                    builder.addParameter(field.name(), field.text());
                } else if (field.isSecret() && carry) {
                    builder.setParameter(field.name(), field.text());
                } else if (field.isSecret() && stripCredentials) {
                    builder.removeParameter(field.name());
                }
            }
            for (NamedSecret part : request.credentials().injection().query()) {
                if (carry) {
                    builder.setParameter(part.name(), part.value().reveal());
                } else if (stripCredentials) {
                    builder.removeParameter(part.name());
                }
            }
            return builder.build();
        } catch (URISyntaxException e) {
            throw new NodeException("invalid_url", "%s is not a valid URL", Origin.display(url));
        }
    }

    private record HopPlan(String method, URI url, OutgoingRequest.Body body, boolean carry) {
    }

    private record Hop(int status, Map<String, List<String>> headers, byte[] body, String contentType) {

        String location() {
            List<String> values = headers.get("location");
            return values == null || values.isEmpty() ? null : values.get(0);
        }
    }

    @SuppressWarnings("deprecation") // RequestConfig's connect timeout is the only per-request one
    private Hop exchange(HopPlan plan, OutgoingRequest request, long deadline) {
        ExchangeErrors.Request shown = new ExchangeErrors.Request(plan.method(), plan.url());
        long remainingMs = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (remainingMs <= 0) {
            throw ExchangeErrors.timeout(shown, request.limits().timeout());
        }
        HttpUriRequestBase http = build(plan, request);
        Timeout left = Timeout.ofMilliseconds(remainingMs);
        HttpClientContext context = HttpClientContext.create();
        context.setRequestConfig(RequestConfig.custom()
                .setRedirectsEnabled(false)
                .setConnectionRequestTimeout(left)
                .setConnectTimeout(Timeout.ofMilliseconds(Math.min(remainingMs, connectTimeout.toMillis())))
                .setResponseTimeout(left)
                .build());
        // Socket timeouts bound each read; the alarm bounds the whole exchange, however slowly bytes drip in.
        AtomicBoolean expired = new AtomicBoolean();
        AlarmClock.Alarm alarm = deadlines.schedule(Duration.ofMillis(remainingMs), () -> {
            expired.set(true);
            http.cancel();
        });
        CloseableHttpResponse response = null;
        try {
            response = client.execute(http, context);
            byte[] body = BoundedBody.read(response.getEntity(), request.limits().maxResponseBytes());
            return new Hop(response.getCode(), headers(response.getHeaders()), body,
                    response.getEntity() == null ? null : response.getEntity().getContentType());
        } catch (BoundedBody.TooLargeException e) {
            http.cancel();
            throw ExchangeErrors.tooLarge(shown, request.limits().maxResponseBytes());
        } catch (IOException e) {
            http.cancel();
            throw ExchangeErrors.of(e, shown, request.limits().timeout(), expired.get());
        } finally {
            alarm.cancel();
            closeQuietly(response);
        }
    }

    private static HttpUriRequestBase build(HopPlan plan, OutgoingRequest request) {
        HttpUriRequestBase http = new HttpUriRequestBase(plan.method(), plan.url());
        List<String> cookies = new ArrayList<>();
        for (OutgoingRequest.Field header : request.headers()) {
            if (plan.carry() || !header.isCredentialHeader()) {
                if ("cookie".equalsIgnoreCase(header.name())) {
                    cookies.add(header.text());
                } else {
                    http.addHeader(header.name(), header.text());
                }
            }
        }
        if (plan.carry()) {
            for (NamedSecret header : request.credentials().injection().headers()) {
                http.setHeader(header.name(), header.value().reveal());
            }
            for (NamedSecret cookie : request.credentials().injection().cookies()) {
                cookies.add(cookie.name() + "=" + cookie.value().reveal());
            }
        }
        if (!cookies.isEmpty()) {
            http.setHeader("Cookie", String.join("; ", cookies));
        }
        if (plan.body() != null) {
            http.setEntity(new ByteArrayEntity(plan.body().bytes(), ContentType.parse(plan.body().contentType())));
        }
        return http;
    }

    private static Map<String, List<String>> headers(Header[] headers) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (Header header : headers) {
            map.computeIfAbsent(header.getName().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(header.getValue());
        }
        map.replaceAll((k, v) -> List.copyOf(v));
        return map;
    }

    private static void closeQuietly(CloseableHttpResponse response) {
        if (response != null) {
            try {
                response.close();
            } catch (IOException ignored) {
                // The connection is discarded either way; nothing more to do.
            }
        }
    }

    /** How many pooled connections are in use, idle and awaited: a leak shows as leased staying above 0. */
    public PoolStats poolStats() {
        org.apache.hc.core5.pool.PoolStats total = pool.getTotalStats();
        return new PoolStats(total.getLeased(), total.getAvailable(), total.getPending(), total.getMax());
    }

    /** Closes pooled connections and stops the eviction and deadline threads. Idempotent. */
    @Override
    public void close() {
        deadlines.close();
        client.close(CloseMode.GRACEFUL);
    }
}
