package dev.keyway.engine;

import dev.keyway.api.KeywayException;
import dev.keyway.engine.validate.Problem;
import java.util.List;

/** A pattern file could not be loaded; {@link #problems()} says every reason, with places. */
public class PatternException extends KeywayException {

    private static final long serialVersionUID = 1L;

    private final transient List<Problem> problems;

    public PatternException(String source, List<Problem> problems) {
        super("%s has %d problem(s); first: %s", source, problems.size(),
                problems.isEmpty() ? "none" : problems.get(0));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
