package dev.keyway.connections.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The only way this plugin makes Jackson mappers.
 *
 * <p>Jackson's default buffer recycling keeps a {@code BufferRecycler} in a {@code ThreadLocal} of
 * every thread that ever parsed or wrote JSON through it. The plugin runs on host threads (the
 * CLI's main thread, the HTTP server's and the engine's workers, an embedding engine's pool), so
 * each of them would keep the plugin's class loader alive after the plugin is unloaded, for as
 * long as the thread lives. A pool owned by the plugin's own Jackson classes goes away with the
 * plugin. For the same reason, never call {@code JsonNode.toString()}: it writes through
 * Jackson's internal default mapper, thread-locals and all; write nodes with a mapper from here.
 */
public final class PluginJson {

    private PluginJson() {
    }

    /** A mapper builder whose buffers are recycled in a plugin-owned pool, never in host threads. */
    public static JsonMapper.Builder builder() {
        return JsonMapper.builder(JsonFactory.builder().recyclerPool(JsonRecyclerPools.sharedConcurrentDequePool()).build());
    }

    /** A mapper with Jackson's defaults but for the buffer pool. */
    public static JsonMapper mapper() {
        return builder().build();
    }
}
