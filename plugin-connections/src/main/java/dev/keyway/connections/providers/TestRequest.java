package dev.keyway.connections.providers;

import java.util.List;
import java.util.Objects;

/**
 * The cheap request that proves a connection's credentials work.
 *
 * @param method        HTTP method
 * @param path          path below the provider's base URL, or an absolute URL (both templates)
 * @param body          a JSON body to send, or null
 * @param successStatus the statuses that count as success
 * @param jsonPointer   optional: a JSON pointer into the answer that must equal {@code jsonEquals}
 *                      (Slack answers 200 with {@code "ok": false} for a bad token)
 * @param jsonEquals    the expected value at {@code jsonPointer}
 */
public record TestRequest(
        String method, String path, String body, List<Integer> successStatus, String jsonPointer, Object jsonEquals) {

    public TestRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        successStatus = List.copyOf(successStatus);
    }
}
