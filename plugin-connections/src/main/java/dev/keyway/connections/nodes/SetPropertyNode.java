package dev.keyway.connections.nodes;

import dev.keyway.api.FieldSpec;
import dev.keyway.api.FieldValidator;
import dev.keyway.api.NodeContext;
import dev.keyway.api.NodeException;
import dev.keyway.api.NodeSpec;
import dev.keyway.api.NodeType;
import dev.keyway.api.Secret;
import dev.keyway.api.ValueType;
import dev.keyway.connections.providers.Template;
import java.util.Map;
import java.util.Optional;
import org.pf4j.Extension;

/**
 * Set Property: returns a copy of an object with one value set at a dot path, optionally formatted
 * by a template ({@code "Bearer {value}"}, {@code "Basic {base64(value)}"},
 * {@code "Basic {base64(user:pass)}"} with {@code user} and {@code pass} from {@code vars}).
 * Anything built from a {@link Secret} stays a secret, and with {@code secret: true} the value set
 * becomes one, e.g. a credential read from a secrets store by an earlier step.
 */
@Extension
public final class SetPropertyNode implements NodeType {

    static final String TYPE = "connections.set-property";

    private static final ParseCache<Template> TEMPLATES = new ParseCache<>(Template::parse);
    private static final ParseCache<DotPath> PATHS = new ParseCache<>(DotPath::parse);

    private static final NodeSpec SPEC = NodeSpec.builder(TYPE)
            .displayName("Set Property")
            .description("Sets a value at a dot path in a copy of an object, optionally through a template such as "
                    + "'Bearer {value}'. A value built from a secret stays a secret.")
            .property(FieldSpec.builder("path").required()
                    .description("Where to set the value, e.g. Authorization or headers.X-Api-Key")
                    .validator(FieldValidator.matches(DotPath.PATTERN, "names separated by dots")).build())
            .property(FieldSpec.builder("template")
                    .description("Optional format: {value} is the value, other {names} come from vars; "
                            + "{base64(a:b)} joins with ':' and Base64-encodes")
                    .validator(SetPropertyNode::checkTemplate).build())
            .property(FieldSpec.builder("secret").type(ValueType.BOOLEAN).defaultValue(false)
                    .description("Make the value set a secret (every text, number or boolean inside it), masked "
                            + "everywhere from this step on; a value built from a secret is one already").build())
            .input(FieldSpec.builder("object").type(ValueType.OBJECT).defaultValue(Map.of())
                    .description("The object to copy; not changed").build())
            .input(FieldSpec.builder("value").type(ValueType.ANY)
                    .description("The value to set (a secret stays a secret)").build())
            .input(FieldSpec.builder("vars").type(ValueType.OBJECT)
                    .description("Extra named values for the template").build())
            .output(FieldSpec.builder("object").type(ValueType.OBJECT)
                    .description("The copy with the value set").build())
            .build();

    @Override
    public NodeSpec spec() {
        return SPEC;
    }

    @Override
    public Map<String, Object> execute(NodeContext context) {
        DotPath path = PATHS.get(context.string("path").orElse(""));
        Map<?, ?> object = (Map<?, ?>) context.inputs().getOrDefault("object", Map.of());
        Object value = context.inputs().get("value");
        Optional<String> template = context.string("template").filter(t -> !t.isEmpty());
        if (template.isPresent()) {
            value = fill(template.get(), value, (Map<?, ?>) context.inputs().getOrDefault("vars", Map.of()));
        }
        if (Boolean.TRUE.equals(context.properties().get("secret"))) {
            value = SecretValues.wrap(value, context::registerSecret).value();
        } else if (value instanceof Secret secret) {
            context.registerSecret(secret);
        }
        return Map.of("object", path.set(object == null ? Map.of() : object, value));
    }

    private static Object fill(String text, Object value, Map<?, ?> vars) {
        try {
            return TEMPLATES.get(text).render(name -> "value".equals(name) ? value : vars.get(name));
        } catch (Template.MissingValueException e) {
            throw new NodeException("missing_value", "template '%s' uses {%s} but it has no value; wire the 'value' "
                    + "input or add '%s' to vars", text, e.name(), e.name());
        } catch (IllegalArgumentException e) {
            throw new NodeException("invalid_template", "template '%s' cannot be filled: %s", text, e.getMessage());
        }
    }

    private static Optional<String> checkTemplate(Object value) {
        try {
            Template.parse(String.valueOf(value));
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of("must be a valid template: " + e.getMessage());
        }
    }
}
