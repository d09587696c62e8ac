package io.hirepipe.scoring.grading;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ChoiceGraderTest {

    @Test
    void singleChoiceRightOrWrong() {
        assertThat(ChoiceGrader.points(List.of("b"), List.of("b"), 3)).isEqualTo(3);
        assertThat(ChoiceGrader.points(List.of("a"), List.of("b"), 3)).isZero();
    }

    @Test
    void multiChoiceNeedsExactlyTheCorrectSetInAnyOrder() {
        List<String> correct = List.of("a", "c", "d");
        assertThat(ChoiceGrader.points(List.of("d", "a", "c"), correct, 4)).isEqualTo(4);
        assertThat(ChoiceGrader.points(List.of("a", "c"), correct, 4)).as("a subset").isZero();
        assertThat(ChoiceGrader.points(List.of("a", "b", "c", "d"), correct, 4)).as("a superset").isZero();
    }

    @Test
    void selectingTheSameOptionTwiceIsStillTheSameSet() {
        assertThat(ChoiceGrader.points(List.of("a", "a", "c"), List.of("a", "c"), 2)).isEqualTo(2);
    }

    @Test
    void unansweredEarnsNothing() {
        assertThat(ChoiceGrader.points(List.of(), List.of("a"), 2)).isZero();
    }

    @Test
    void aKeyWithNoCorrectOptionRewardsNobody() {
        assertThat(ChoiceGrader.points(List.of(), List.of(), 2)).isZero();
    }
}
