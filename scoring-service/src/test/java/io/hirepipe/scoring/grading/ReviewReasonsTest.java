package io.hirepipe.scoring.grading;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ReviewReasonsTest {

    @Test
    void eachFlagThatSendsAnItemToReviewHasItsSentenceInTheFlagsOrder() {
        assertThat(ReviewReasons.of(Set.of("MOSTLY_OFF_TOPIC", "LOW_CONFIDENCE"))).containsExactly(
                "the evidence for some key points sits close to the grader's thresholds",
                "most of the answer is not about the question: it may make its points in its own words, or wander off them");
        for (FreeTextGrade.GradeFlag flag : FreeTextGrade.GradeFlag.values()) {
            assertThat(ReviewReasons.of(Set.of(flag.name()))).as(flag.name()).hasSize(flag == FreeTextGrade.GradeFlag.BLANK ? 0 : 1);
        }
    }

    @Test
    void aFlagThisVersionDoesNotKnowGivesNoSentence() {
        assertThat(ReviewReasons.of(Set.of("SOMETHING_NEW", "BLANK"))).isEmpty();
    }
}
