package dev.keyway.connections.http;

import dev.keyway.api.Secret;
import java.util.ArrayList;
import java.util.List;

/**
 * What a credential adds to a request. The values stay {@link Secret}s until
 * {@link SafeHttpClient} writes them into the request it sends.
 */
public record Injection(List<NamedSecret> headers, List<NamedSecret> query, List<NamedSecret> cookies) {

    public static final Injection NONE = new Injection(List.of(), List.of(), List.of());

    public Injection {
        headers = List.copyOf(headers);
        query = List.copyOf(query);
        cookies = List.copyOf(cookies);
    }

    public boolean isEmpty() {
        return headers.isEmpty() && query.isEmpty() && cookies.isEmpty();
    }

    /** Every secret value, e.g. to register them for masking. */
    public List<Secret> secrets() {
        List<Secret> all = new ArrayList<>();
        headers.forEach(h -> all.add(h.value()));
        query.forEach(q -> all.add(q.value()));
        cookies.forEach(c -> all.add(c.value()));
        return all;
    }
}
