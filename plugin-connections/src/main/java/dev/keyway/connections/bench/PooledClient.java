package dev.keyway.connections.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;
import org.apache.hc.core5.util.Timeout;

/**
 * A pooled Apache HttpClient 5 with room for every load thread: the load client of both sides of
 * the served-pattern figure, and the bare forwarder's own client.
 */
final class PooledClient implements AutoCloseable {

    /** The most threads any figure uses. */
    static final int MAX_CONCURRENCY = 64;

    private final CloseableHttpClient client = HttpClients.custom()
            .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                    .setMaxConnTotal(2 * MAX_CONCURRENCY)
                    .setMaxConnPerRoute(MAX_CONCURRENCY)
                    .setDefaultConnectionConfig(ConnectionConfig.custom()
                            .setConnectTimeout(Timeout.ofSeconds(5))
                            .setSocketTimeout(Timeout.ofSeconds(60))
                            .build())
                    .build())
            .disableAutomaticRetries()
            .build();

    /** One request; {@code body} may be null. */
    Answer send(String method, URI uri, Map<String, String> headers, byte[] body) throws IOException {
        ClassicRequestBuilder builder = ClassicRequestBuilder.create(method).setUri(uri);
        headers.forEach(builder::setHeader);
        if (body != null) {
            builder.setEntity(new ByteArrayEntity(body, ContentType.APPLICATION_JSON));
        }
        ClassicHttpRequest request = builder.build();
        return client.execute(request, response -> new Answer(response.getCode(),
                response.getEntity() == null ? new byte[0] : EntityUtils.toByteArray(response.getEntity())));
    }

    @Override
    public void close() throws IOException {
        client.close();
    }

    /**
     * One answer.
     *
     * @param status the HTTP status
     * @param body   the body's bytes, empty when there is none
     */
    record Answer(int status, byte[] body) {

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }
}
