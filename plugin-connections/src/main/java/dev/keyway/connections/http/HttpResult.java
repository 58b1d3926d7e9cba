package dev.keyway.connections.http;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * A response as received.
 *
 * @param status      HTTP status of the last hop
 * @param headers     response headers, names in lower case, in order of arrival
 * @param body        the body (at most the request's maxResponseBytes)
 * @param contentType the Content-Type header, or null
 * @param finalUrl    the URL that answered, after redirects, without credential query parameters
 * @param redirects   how many redirects were followed
 */
public record HttpResult(
        int status, Map<String, List<String>> headers, byte[] body, String contentType, URI finalUrl, int redirects) {

    public HttpResult {
        headers = Map.copyOf(headers);
    }

    /** The final URL as it may appear in messages: origin and path, never the query. */
    public String displayUrl() {
        return Origin.display(finalUrl);
    }

    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }
}
