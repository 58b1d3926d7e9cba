package dev.keyway.api;

import java.util.Map;
import org.pf4j.ExtensionPoint;

/**
 * A kind of node that patterns can use. Plugins contribute node types as PF4J extensions.
 *
 * <p>Implementations must be thread-safe: one instance serves every execution, concurrently.
 */
public interface NodeType extends ExtensionPoint {

    /** The declaration the host validates patterns against; must always return equal values. */
    NodeSpec spec();

    /**
     * Runs the node once.
     *
     * @param context resolved properties and inputs, the execution, a redacting logger
     * @return the outputs by name; values are JDK types or {@link Secret}
     * @throws NodeException when the node fails; other exceptions are reported as internal errors
     */
    Map<String, Object> execute(NodeContext context);
}
