package dev.keyway.connections.nodes;

import dev.keyway.api.FieldSpec;
import dev.keyway.api.FieldValidator;
import dev.keyway.api.NodeContext;
import dev.keyway.api.NodeException;
import dev.keyway.api.NodeSpec;
import dev.keyway.api.Secret;
import dev.keyway.api.ValueType;
import java.util.Map;
import java.util.function.Supplier;
import org.pf4j.Extension;

/**
 * Get Secret: reads an environment secret (seeded from a connection, e.g. {@code SLACK_API_KEY})
 * by name, in the execution's workspace and environment, as a {@link Secret}.
 */
@Extension
public final class GetSecretNode extends ServicesNode {

    static final String TYPE = "connections.get-secret";

    private static final NodeSpec SPEC = NodeSpec.builder(TYPE)
            .displayName("Get Secret")
            .description("Reads an environment secret by name (e.g. SLACK_API_KEY, seeded when a connection was "
                    + "created) in the execution's environment.")
            .property(FieldSpec.builder("name").required()
                    .description("The secret's name, upper snake case, e.g. JIRA_API_TOKEN")
                    .validator(FieldValidator.matches("[A-Z][A-Z0-9_]*", "an upper snake case name like SLACK_API_KEY"))
                    .build())
            .output(FieldSpec.builder("value").type(ValueType.SECRET).description("The secret").build())
            .build();

    /** Used by PF4J; services come from {@link NodeServicesRegistry}. */
    public GetSecretNode() {
        this(NodeServicesRegistry::require);
    }

    public GetSecretNode(Supplier<NodeServices> services) {
        super(SPEC, services);
    }

    @Override
    public Map<String, Object> execute(NodeContext context) {
        String name = context.string("name").orElseThrow();
        String environment = context.execution().environment();
        Secret value = services().resolver().environmentSecret(context.execution().principal(), environment, name)
                .orElseThrow(() -> new NodeException("secret_not_found", "no environment secret %s in environment %s "
                        + "of workspace %s; create a connection that seeds it, or check the name", name, environment,
                        context.execution().principal().workspace()));
        context.registerSecret(value);
        return Map.of("value", value);
    }
}
