package io.hirepipe.scoring.grading;

import io.hirepipe.scoring.grading.AnswerSegmenter.Span;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PositivePartsTest {

    private final AnswerSegmenter segmenter = new AnswerSegmenter();
    private final NegationDetector negation = new NegationDetector();

    private List<PositiveParts.Part> parts(String answer) {
        List<Span> units = segmenter.units(answer);
        boolean[] negated = new boolean[units.size()];
        for (int u = 0; u < negated.length; u++) {
            negated[u] = negation.isNegated(units.get(u).text());
        }
        return PositiveParts.of(units, negated);
    }

    @Test
    void aSentenceWithADenialBetweenTwoStatementsIsAlsoReadWithoutIt() {
        String answer = "The table is cut by customer id, no node keeps the whole table, and every node holds only its customers.";

        assertThat(parts(answer)).singleElement().satisfies(part -> {
            assertThat(part.text()).isEqualTo("The table is cut by customer id, and every node holds only its customers.");
            // quoted as the sentence the candidate wrote
            assertThat(part.sentence().text()).isEqualTo(answer);
        });
    }

    @Test
    void onlySentencesOfMixedPolarityHaveAPositivePart() {
        assertThat(parts("Replication copies the data to every replica, and a replica takes over on failover.")).isEmpty();
        assertThat(parts("Replication does not copy the data, and no replica takes over.")).isEmpty();
        // a denial in a consequence leaves the sentence positive already (NegationDetector)
        assertThat(parts("Each server has only part of the rows, so no single machine stores the whole dataset.")).isEmpty();
    }

    @Test
    void aPositivePartThatIsOneOfTheClausesAddsNothing() {
        // "check types and lengths" is a clause of its own already
        assertThat(parts("Never trust what comes in: check types and lengths, and never glue user text into SQL.")).isEmpty();
    }
}
