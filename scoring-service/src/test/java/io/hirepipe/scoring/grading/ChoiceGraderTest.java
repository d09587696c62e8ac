package io.hirepipe.scoring.grading;

import io.hirepipe.contracts.events.ChoiceScoring;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.List;

import static io.hirepipe.contracts.events.ChoiceScoring.ALL_OR_NOTHING;
import static io.hirepipe.contracts.events.ChoiceScoring.PARTIAL;
import static org.assertj.core.api.Assertions.assertThat;

class ChoiceGraderTest {

    @Test
    void singleChoiceRightOrWrong() {
        assertThat(ChoiceGrader.points(List.of("b"), List.of("b"), 3, ALL_OR_NOTHING)).isEqualByComparingTo("3");
        assertThat(ChoiceGrader.points(List.of("a"), List.of("b"), 3, ALL_OR_NOTHING)).isZero();
        assertThat(ChoiceGrader.points(List.of("a", "b"), List.of("b"), 3, PARTIAL))
                .as("a single-choice item has no partial credit").isZero();
    }

    @Test
    void multiChoiceNeedsExactlyTheCorrectSetInAnyOrderByDefault() {
        List<String> correct = List.of("a", "c", "d");
        assertThat(ChoiceGrader.points(List.of("d", "a", "c"), correct, 4, ALL_OR_NOTHING)).isEqualByComparingTo("4");
        assertThat(ChoiceGrader.points(List.of("a", "c"), correct, 4, ALL_OR_NOTHING)).as("a subset").isZero();
        assertThat(ChoiceGrader.points(List.of("a", "b", "c", "d"), correct, 4, ALL_OR_NOTHING)).as("a superset")
                .isZero();
    }

    /** Options a..e; correct a, c, d; worth 4. Each wrong pick cancels a right one, floored at zero. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "a c d, 4.00",
            "a c, 2.67",
            "a, 1.33",
            "a b, 0.00",
            "a b c, 1.33",
            "a c d b, 2.67",
            "a b c d e, 1.33",
            "b e, 0.00",
            "b, 0.00"})
    void partialCreditCannotBeGamedBySelectingEverything(String selected, String points) {
        assertThat(ChoiceGrader.points(Arrays.asList(selected.split(" ")), List.of("a", "c", "d"), 4, PARTIAL))
                .isEqualByComparingTo(points)
                .satisfies(value -> assertThat(value.scale()).isEqualTo(2));
    }

    @Test
    void selectingEveryOptionNeverBeatsSelectingNothingByMuch() {
        // with as many wrong options as right ones, selecting everything earns nothing
        assertThat(ChoiceGrader.points(List.of("a", "b", "c", "d"), List.of("a", "c"), 3, PARTIAL)).isZero();
    }

    @Test
    void selectingTheSameOptionTwiceIsStillTheSameSet() {
        assertThat(ChoiceGrader.points(List.of("a", "a", "c"), List.of("a", "c"), 2, ALL_OR_NOTHING))
                .isEqualByComparingTo("2");
        assertThat(ChoiceGrader.points(List.of("a", "a"), List.of("a", "c"), 2, PARTIAL)).isEqualByComparingTo("1");
    }

    @Test
    void unansweredEarnsNothing() {
        for (ChoiceScoring scoring : ChoiceScoring.values()) {
            assertThat(ChoiceGrader.points(List.of(), List.of("a", "b"), 2, scoring)).isZero();
        }
    }

    @Test
    void aKeyWithNoCorrectOptionRewardsNobody() {
        assertThat(ChoiceGrader.points(List.of(), List.of(), 2, ALL_OR_NOTHING)).isZero();
        assertThat(ChoiceGrader.points(List.of("a"), List.of(), 2, PARTIAL)).isZero();
    }
}
