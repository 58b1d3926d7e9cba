package dev.keyway.connections.http;

import dev.keyway.api.NodeException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import javax.net.ssl.SSLException;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.apache.hc.core5.http.MalformedChunkCodingException;
import org.apache.hc.core5.http.MessageConstraintException;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.apache.hc.core5.http.TruncatedChunkException;

/**
 * The node errors an HTTP exchange can end in. Each names the request (method and URL without its
 * query) and says what to do next.
 *
 * <p>No error keeps the I/O exception as its cause: HttpCore quotes the offending bytes of a
 * malformed answer in its messages, and a server that echoes the request would put the
 * credential there. Only the exception's class name is kept, in the message.
 */
final class ExchangeErrors {

    /** Longest header line accepted, status line included. */
    static final int MAX_HEADER_LINE = 16 * 1024;
    /** Most header lines accepted; with {@link #MAX_HEADER_LINE} this bounds a head to a few MB. */
    static final int MAX_HEADER_COUNT = 200;

    private ExchangeErrors() {
    }

    /** What the exchange was, for messages: e.g. {@code GET https://api.example.com/v1/items}. */
    record Request(String method, URI url) {

        @Override
        public String toString() {
            return method + " " + Origin.display(url);
        }
    }

    /** Maps an I/O failure to a node error; once the deadline cut the exchange, whatever broke is a timeout. */
    static NodeException of(IOException e, Request request, Duration timeout, boolean expired) {
        if (e instanceof ForbiddenAddressException forbidden) {
            return forbiddenAddress(forbidden.host());
        }
        if (expired || e instanceof InterruptedIOException) {
            return timeout(request, timeout);
        }
        if (e instanceof UnknownHostException) {
            return new NodeException("unknown_host", "%s failed: host %s is unknown; check the URL", request,
                    request.url().getHost());
        }
        if (e instanceof ConnectException) {
            return new NodeException("connect_failed", "%s failed: cannot connect; check the URL and that the "
                    + "service is up", request);
        }
        if (e instanceof MessageConstraintException && isOverLimit(e)) {
            return new NodeException("response_too_large", "%s failed: the answer's status line and headers go "
                    + "beyond %d lines of %d bytes; check that the URL points at an HTTP API, and the service",
                    request, MAX_HEADER_COUNT, MAX_HEADER_LINE);
        }
        return new NodeException("http_failed", "%s failed: %s (%s)", request, explain(e), e.getClass().getSimpleName());
    }

    private static boolean isOverLimit(IOException e) {
        // HttpCore throws this one class for three limits; only the empty-line one means garbage, not size.
        return e.getMessage() == null || !e.getMessage().contains("empty line");
    }

    /** What went wrong and what to do, for failures after the connection was made. */
    private static String explain(IOException e) {
        if (e instanceof NoHttpResponseException) {
            return "the service closed the connection without a valid HTTP answer; check that the URL's scheme "
                    + "and port point at an HTTP service, and that the service is healthy";
        }
        if (e instanceof TruncatedChunkException || e instanceof ConnectionClosedException) {
            return "the service closed the connection before its answer was complete; retry, and check the "
                    + "service if it keeps happening";
        }
        if (e instanceof MalformedChunkCodingException) {
            return "the answer's chunked body is malformed; check the service or any proxy in between";
        }
        if (e instanceof SocketException) {
            return "the connection was reset during the exchange; retry, and check the service if it keeps "
                    + "happening";
        }
        if (e instanceof SSLException) {
            return "the TLS handshake or session failed; check the URL's scheme and port and the service's "
                    + "certificate";
        }
        return "the answer is not valid HTTP; check that the URL points at an HTTP API, and the service";
    }

    static NodeException timeout(Request request, Duration timeout) {
        return new NodeException("timeout", "%s got no complete answer within %d ms; raise timeoutMs or the "
                + "pattern's deadline, or check the service", request, timeout.toMillis());
    }

    static NodeException tooLarge(Request request, long maxResponseBytes) {
        return new NodeException("response_too_large", "%s answered with more than maxResponseBytes (%d bytes); "
                + "raise maxResponseBytes or ask for less", request, maxResponseBytes);
    }

    static NodeException forbiddenAddress(String host) {
        return new NodeException("forbidden_address", "refusing to connect to %s: it is a link-local or cloud "
                + "metadata address, which plugins may never call", host);
    }
}
