package io.hirepipe.scoring.grading.eval;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class AgreementTest {

    // two graders: the same on two answers, one step apart on two
    private static final List<Agreement.Pair> PAIRS = List.of(
            new Agreement.Pair(0, 0), new Agreement.Pair(1, 2), new Agreement.Pair(2, 2), new Agreement.Pair(4, 3));

    @Test
    void quadraticWeightedKappaIsOneMinusObservedOverChanceSquaredDisagreement() {
        // squared differences 0+1+0+1 = 2 observed; over all 16 first×second combinations 54, so 13.5 by chance
        assertThat(Agreement.of(PAIRS).qwk()).isCloseTo(1 - 2 / 13.5, within(1e-9));
    }

    @Test
    void exactShareAndMeanAbsoluteDifferenceCountGradeSteps() {
        Agreement agreement = Agreement.of(PAIRS);
        assertThat(agreement.exactShare()).isEqualTo(0.5);
        assertThat(agreement.meanAbsoluteDifference()).isEqualTo(0.5);
        assertThat(agreement.confusion()[1][2]).isEqualTo(1);
    }

    @Test
    void doubledGradesOnTheHalfGradeScaleGiveTheSameKappa() {
        List<Agreement.Pair> doubled = PAIRS.stream().map(p -> new Agreement.Pair(2 * p.first(), 2 * p.second())).toList();
        assertThat(Agreement.of(doubled, 9).qwk()).isCloseTo(Agreement.of(PAIRS).qwk(), within(1e-9));
    }
}
