package dev.keyway.engine.validate;

import dev.keyway.engine.NodeCatalog;
import dev.keyway.engine.pattern.Pattern;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns pattern text into a valid {@link Pattern} or the complete list of what is wrong with it.
 * Never throws for bad input.
 */
public final class PatternChecker {

    /**
     * @param pattern  present only when there are no problems
     * @param problems every problem found, in file order
     */
    public record Result(Optional<Pattern> pattern, List<Problem> problems) {

        public Result {
            problems = List.copyOf(problems);
        }

        public boolean valid() {
            return problems.isEmpty();
        }
    }

    static final int MAX_PROBLEMS = 100;

    private final NodeCatalog catalog;

    public PatternChecker(NodeCatalog catalog) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
    }

    public Result check(String text) {
        SourceParser.Result parsed = SourceParser.parse(text);
        if (parsed.root() == null) {
            return new Result(Optional.empty(), parsed.problems());
        }
        ProblemList problems = new ProblemList(parsed.root());
        problems.addAll(parsed.problems());
        Optional<ParsedPattern> read = new PatternReader(problems).read(parsed.root());
        read.ifPresent(pattern -> new PatternValidator(catalog, problems).validate(pattern));
        List<Problem> all = problems.sorted();
        return new Result(all.isEmpty() ? read.map(ParsedPattern::pattern) : Optional.empty(), firstOf(all));
    }

    /** A document of junk keys has as many problems as keys; past a page of them, more help no one. */
    private static List<Problem> firstOf(List<Problem> all) {
        if (all.size() <= MAX_PROBLEMS) {
            return all;
        }
        Problem next = all.get(MAX_PROBLEMS);
        List<Problem> shown = new ArrayList<>(all.subList(0, MAX_PROBLEMS));
        shown.add(new Problem(next.pointer(), "... and " + (all.size() - MAX_PROBLEMS) + " more problems from here on; "
                + "fix the ones above and validate again.", next.line(), next.column()));
        return shown;
    }
}
