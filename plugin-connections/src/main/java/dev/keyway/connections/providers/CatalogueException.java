package dev.keyway.connections.providers;

import java.util.List;

/** The provider catalogue is broken; the message lists every problem with its JSON pointer. */
public final class CatalogueException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<String> problems;

    CatalogueException(String source, List<String> problems) {
        super(source + " has " + problems.size() + " problem(s); fix them and restart:\n  "
                + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    /** Each problem as {@code /json/pointer (provider): what is wrong}. */
    public List<String> problems() {
        return problems;
    }
}
