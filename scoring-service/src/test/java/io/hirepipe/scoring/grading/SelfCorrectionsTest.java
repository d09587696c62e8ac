package io.hirepipe.scoring.grading;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SelfCorrectionsTest {

    private static List<String> takenBack(String answer) {
        return SelfCorrections.takenBack(answer, new AnswerSegmenter().units(answer)).stream()
                .map(AnswerSegmenter.Span::text).toList();
    }

    @Test
    void theSentenceBeforeAMarkerThatOpensASentenceIsTakenBack() {
        assertThat(takenBack("Indexes make writes faster. Correction: they make writes slower."))
                .containsExactly("Indexes make writes faster.");
        assertThat(takenBack("Every entry gets a TTL. Scratch that. We delete the key on write."))
                .containsExactly("Every entry gets a TTL.");
    }

    @Test
    void withinASentenceWhatComesBeforeTheMarkerIsTakenBack() {
        assertThat(takenBack("Just remove the transactions, no wait, that would break atomicity."))
                .containsExactly("Just remove the transactions");
        assertThat(takenBack("It uses JSON - sorry, I meant protobuf.")).containsExactly("It uses JSON");
        assertThat(takenBack("Sharding copies the data, actually, no: it splits it.")).containsExactly("Sharding copies the data");
    }

    @Test
    void wordsThatGoOnOrListTakeNothingBack() {
        assertThat(takenBack("The conditions are mutual exclusion, hold and wait, no preemption and circular wait.")).isEmpty();
        assertThat(takenBack("I mean, the cache also needs a TTL.")).isEmpty();
        assertThat(takenBack("Actually no index is needed for a table of ten rows.")).isEmpty();
        assertThat(takenBack("The call returns at once. No wait is needed.")).isEmpty();
        assertThat(takenBack("The cache is the source of truth, no wait it is the database.")).containsExactly(
                "The cache is the source of truth");
    }
}
