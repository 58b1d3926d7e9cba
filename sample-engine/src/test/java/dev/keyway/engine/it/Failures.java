package dev.keyway.engine.it;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Checks every input of a corpus and reports all that failed at once, counted by family, rather than only the first. */
final class Failures {

    private static final int SHOWN = 40;
    private static final int LONGEST = 400;

    private final List<String> failed = new ArrayList<>();
    private final Map<String, Integer> byFamily = new TreeMap<>();

    void check(String family, Runnable assertion) {
        try {
            assertion.run();
        } catch (AssertionError e) {
            failed.add(abbreviate(e.getMessage().replaceAll("\\s+", " ").strip()));
            byFamily.merge(family, 1, Integer::sum);
        }
    }

    private static String abbreviate(String text) {
        return text.length() > LONGEST ? text.substring(0, LONGEST) + "..." : text;
    }

    void assertNone() {
        if (!failed.isEmpty()) {
            throw new AssertionError(failed.size() + " inputs were not refused cleanly " + byFamily + "; the first "
                    + Math.min(SHOWN, failed.size()) + ":\n  " + String.join("\n  ", failed.subList(0, Math.min(SHOWN, failed.size()))));
        }
    }
}
