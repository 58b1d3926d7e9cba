package dev.keyway.connections.oauth;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Plays the person's browser with a plain JDK HTTP client: follows redirects hop by hop (so the
 * engine's API token goes to the first request only, like a session cookie would go to its own
 * site) and keeps every hop for inspection.
 */
final class Browser {

    /** One hop: where it went and what came back. */
    record Hop(String method, URI url, int status, String location, String body) {
    }

    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();
    final List<Hop> hops = new CopyOnWriteArrayList<>();

    /** Sends {@code method url} with the API token, then GETs every Location until a non-redirect answer. */
    Hop go(String method, String url, String apiToken) {
        Hop hop = send(method, URI.create(url), apiToken);
        for (int i = 0; i < 10 && hop.location() != null && hop.status() / 100 == 3; i++) {
            hop = send("GET", hop.url().resolve(hop.location()), null);
        }
        return hop;
    }

    /** One request, redirects not followed. */
    Hop step(String method, String url, String apiToken) {
        return send(method, URI.create(url), apiToken);
    }

    /** A script's JSON request, not followed. */
    Hop json(String method, String url, String apiToken, String body) {
        return send(method, URI.create(url), apiToken, body);
    }

    private Hop send(String method, URI url, String apiToken) {
        return send(method, url, apiToken, null);
    }

    private Hop send(String method, URI url, String apiToken, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(20))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (apiToken != null) {
            request.header("Authorization", "Bearer " + apiToken);
        }
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            Hop hop = new Hop(method, url, response.statusCode(),
                    response.headers().firstValue("Location").orElse(null), response.body());
            hops.add(hop);
            return hop;
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + url + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
