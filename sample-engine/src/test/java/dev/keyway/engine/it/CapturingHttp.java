package dev.keyway.engine.it;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyway.engine.testing.Corpus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * An HTTP client for a {@code keyway serve} under test that puts every answer of that server
 * (status line, every header, the body's raw bytes) into a {@link Corpus}. Redirects are followed
 * hop by hop, like a browser; hops to other servers (an OAuth provider) are not Keyway's output
 * and are not captured.
 */
final class CapturingHttp {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One answer of the server. */
    record Answer(int status, String body) {

        @SuppressWarnings("unchecked")
        Map<String, Object> json() {
            try {
                return body.isEmpty() ? Map.of() : JSON.readValue(body, Map.class);
            } catch (IOException e) {
                throw new AssertionError("not a JSON object (" + status + "): " + body, e);
            }
        }

        String text(String field) {
            return String.valueOf(json().get(field));
        }
    }

    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final Corpus corpus;
    private int answers;

    CapturingHttp(String base, Corpus corpus) {
        this.base = base;
        this.corpus = corpus;
    }

    int answers() {
        return answers;
    }

    /** {@code method path} with a JSON body (or none) and the given headers. */
    Answer send(String method, String path, String jsonBody, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .method(method, jsonBody == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(jsonBody));
        if (jsonBody != null) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        HttpResponse<byte[]> response = exchange(request.build());
        return new Answer(response.statusCode(), new String(response.body(), StandardCharsets.UTF_8));
    }

    /** A browser visit: the first request with {@code headers}, then every Location with none; the last answer. */
    Answer visit(String path, Map<String, String> headers) {
        HttpRequest.Builder first = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        headers.forEach(first::header);
        HttpResponse<byte[]> response = exchange(first.build());
        for (int hop = 0; hop < 10 && response.statusCode() / 100 == 3; hop++) {
            URI next = response.uri().resolve(response.headers().firstValue("Location").orElseThrow());
            response = exchange(HttpRequest.newBuilder(next).timeout(Duration.ofSeconds(60)).build());
        }
        return new Answer(response.statusCode(), new String(response.body(), StandardCharsets.UTF_8));
    }

    private HttpResponse<byte[]> exchange(HttpRequest request) {
        try {
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (request.uri().toString().startsWith(base)) {
                capture(request, response);
            }
            return response;
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void capture(HttpRequest request, HttpResponse<byte[]> response) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        StringBuilder head = new StringBuilder("HTTP ").append(response.statusCode()).append('\n');
        response.headers().map().forEach((name, values) -> values.forEach(
                value -> head.append(name).append(": ").append(value).append('\n')));
        bytes.writeBytes(head.append('\n').toString().getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes(response.body());
        corpus.add("answer to " + request.method() + " " + request.uri().getRawPath(), bytes.toByteArray());
        answers++;
    }
}
