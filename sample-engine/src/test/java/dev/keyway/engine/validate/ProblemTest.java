package dev.keyway.engine.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProblemTest {

    @Test
    void printsAsLineColumnPointerMessageAndSortsInFileOrder() {
        Problem late = new Problem("/nodes/1", "Second.", 9, 2);
        Problem early = new Problem("", "First.", 1, 1);
        List<Problem> problems = new ArrayList<>(List.of(late, early));

        problems.sort(Problem.IN_FILE_ORDER);

        assertThat(problems).containsExactly(early, late);
        assertThat(late).hasToString("9:2 /nodes/1: Second.");
        assertThat(early).hasToString("1:1 /: First.");
    }

    @Test
    void messagesQuoteTheFileShortAndVisible() {
        Problem problem = new Problem("/id", "The id '" + "y".repeat(5_000) + "' is wrong; the name 'a\u001b[2Jb\u202e' too.", 1, 1);

        assertThat(problem.message()).hasSizeLessThan(200).contains("'" + "y".repeat(40) + "...' (5000 characters)")
                .contains("'a\\u001b[2Jb\\u202e'").doesNotContain("\u001b", "\u202e");
    }
}
