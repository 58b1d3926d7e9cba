package dev.keyway.connections.bench;

import java.io.IOException;
import java.net.URI;
import java.util.Map;

/**
 * Where the load goes and how an answer is known to be right: HTTP 200 and a body containing
 * {@code mark}, so a figure never counts fast failures.
 *
 * @param name    for messages
 * @param uri     where each request is POSTed
 * @param headers sent with each request
 * @param mark    a fragment every right answer contains
 */
record LoadTarget(String name, URI uri, Map<String, String> headers, String mark) {

    private static final byte[] EMPTY_PAYLOAD = "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    private static final int SHOWN_CHARS = 300;

    /** One request; a wrong answer throws, which ends the measurement with the answer's start. */
    void call(PooledClient client) throws IOException {
        PooledClient.Answer answer = client.send("POST", uri, headers, EMPTY_PAYLOAD);
        if (answer.status() != 200 || !answer.text().contains(mark)) {
            String text = answer.text();
            throw new IllegalStateException(String.format("%s answered HTTP %d: %s", name, answer.status(),
                    text.length() > SHOWN_CHARS ? text.substring(0, SHOWN_CHARS) + "..." : text));
        }
    }
}
