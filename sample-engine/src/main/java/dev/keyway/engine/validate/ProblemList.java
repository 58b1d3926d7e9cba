package dev.keyway.engine.validate;

import java.util.ArrayList;
import java.util.List;

/** Collects problems, locating each pointer in the source. */
final class ProblemList {

    private final SourceLocator locator;
    private final List<Problem> problems = new ArrayList<>();

    ProblemList(SourceValue root) {
        this.locator = new SourceLocator(root);
    }

    void add(String pointer, String message) {
        Position at = locator.locate(pointer);
        problems.add(new Problem(pointer, message, at.line(), at.column()));
    }

    void addAll(List<Problem> more) {
        problems.addAll(more);
    }

    /** Every problem, in file order. */
    List<Problem> sorted() {
        List<Problem> sorted = new ArrayList<>(problems);
        sorted.sort(Problem.IN_FILE_ORDER);
        return List.copyOf(sorted);
    }
}
