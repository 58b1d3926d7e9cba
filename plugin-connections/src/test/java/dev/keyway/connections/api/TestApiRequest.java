package dev.keyway.connections.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyway.api.ApiException;
import dev.keyway.api.ApiRequest;
import dev.keyway.api.Principal;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An {@link ApiRequest} as the host would build it, parsing the body with Jackson into mutable maps. */
record TestApiRequest(String method, String path, Map<String, String> pathParams, Map<String, List<String>> query,
                      Principal principal, String environment, byte[] body) implements ApiRequest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static TestApiRequest of(String method, String path, Map<String, String> params, Principal principal, String body) {
        return new TestApiRequest(method, path, params, Map.of(), principal, "development",
                body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8));
    }

    TestApiRequest withQuery(String name, String value) {
        Map<String, List<String>> copy = new LinkedHashMap<>(query);
        copy.put(name, List.of(value));
        return new TestApiRequest(method, path, pathParams, copy, principal, environment, body);
    }

    @Override
    public Optional<String> header(String name) {
        return Optional.empty();
    }

    @Override
    public Object jsonBody() {
        try {
            return JSON.readValue(body, Object.class);
        } catch (IOException e) {
            throw new ApiException(400, "invalid_json", "the body is not JSON");
        }
    }
}
