package dev.keyway.connections.nodes;

import dev.keyway.api.FieldSpec;
import dev.keyway.api.NodeContext;
import dev.keyway.api.NodeSpec;
import dev.keyway.api.Secret;
import dev.keyway.api.ValueType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.pf4j.Extension;

/**
 * Get Connection: looks a connection up for the execution's principal and environment and hands
 * its credentials on as {@link Secret}s, with its non-secret metadata.
 */
@Extension
public final class GetConnectionNode extends ServicesNode {

    static final String TYPE = "connections.get-connection";

    private static final NodeSpec SPEC = NodeSpec.builder(TYPE)
            .displayName("Get Connection")
            .description("Retrieves a stored connection's credentials at run time, as secrets, for wiring into "
                    + "other nodes (e.g. Set Property to build a header).")
            .property(ConnectionReference.property()
                    .description("The connection: its id (conn_...) or 'provider/Display Name', resolved in the "
                            + "execution's environment")
                    .required()
                    .build())
            .output(FieldSpec.builder("credentials").type(ValueType.OBJECT).sensitive()
                    .description("The credential fields by name (token, api-key, api-token, ...), each a secret").build())
            .output(FieldSpec.builder("provider").description("The provider id, e.g. github").build())
            .output(FieldSpec.builder("displayName").description("The connection's display name").build())
            .output(FieldSpec.builder("type").description("oauth, api_key, credentials, basic or bearer").build())
            .output(FieldSpec.builder("baseUrl").description("The provider API root for this connection, if known").build())
            .build();

    /** Used by PF4J; services come from {@link NodeServicesRegistry}. */
    public GetConnectionNode() {
        this(NodeServicesRegistry::require);
    }

    public GetConnectionNode(Supplier<NodeServices> services) {
        super(SPEC, services);
    }

    @Override
    public Map<String, Object> execute(NodeContext context) {
        NodeServices runtime = services();
        String reference = context.string("connection").orElseThrow();
        UsageContext usage = UsageContext.of(context);
        ResolvedConnection connection = runtime.resolver().resolve(reference,
                context.execution().principal(), context.execution().environment(), usage);
        // The credentials leave the plugin's control here, bound for no host this node knows.
        runtime.resolver().recordUse(connection, usage, null, "ok");
        Map<String, Object> credentials = new LinkedHashMap<>();
        connection.fields().forEach((name, secret) -> credentials.put(name, context.registerSecret(secret)));
        Map<String, Object> outputs = new LinkedHashMap<>();
        outputs.put("credentials", credentials);
        outputs.put("provider", connection.provider());
        outputs.put("displayName", connection.displayName());
        outputs.put("type", connection.type());
        baseUrl(connection, runtime).ifPresent(url -> outputs.put("baseUrl", url));
        return outputs;
    }

    private static java.util.Optional<String> baseUrl(ResolvedConnection connection, NodeServices runtime) {
        if (connection.baseUrl() != null) {
            return java.util.Optional.of(connection.baseUrl());
        }
        try {
            return runtime.catalogue().find(connection.provider()).flatMap(p -> p.resolveBaseUrl(connection.fields()));
        } catch (IllegalArgumentException e) {
            // A connection missing its base-url still yields its credentials; HTTP Request reports the gap.
            return java.util.Optional.empty();
        }
    }
}
