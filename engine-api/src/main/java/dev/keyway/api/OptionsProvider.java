package dev.keyway.api;

import java.util.List;
import org.pf4j.ExtensionPoint;

/**
 * Lists the values a caller may choose for a property marked with a picker
 * ({@link FieldSpec#picker()}), e.g. the connections a user may use.
 */
public interface OptionsProvider extends ExtensionPoint {

    /** The picker id that {@link FieldSpec#picker()} refers to. */
    String pickerId();

    /** The options for {@code query}, already filtered to what the caller may use, in display order. */
    List<Option> options(OptionsQuery query);
}
