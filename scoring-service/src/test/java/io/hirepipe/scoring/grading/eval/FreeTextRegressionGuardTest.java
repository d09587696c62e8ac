package io.hirepipe.scoring.grading.eval;

import io.hirepipe.scoring.grading.eval.DevSet.Split;
import io.hirepipe.scoring.grading.eval.FreeTextEvaluation.Report;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Regression guard for free-text grading: the settings in application.yml, on the dev set's test half,
 * must keep agreeing with the hand grades. Not a target to tune to: thresholds are chosen on the tune
 * half, and the product is also measured on answers never seen here.
 */
class FreeTextRegressionGuardTest {

    /**
     * The highest test-half QWK reached (session 44; README, "Free-text grading"). Only ever raised: session 7 reached
     * 0.896; session 8's change, chosen on the tune half, reached 0.892, and the guard was left where it was; session
     * 13's, chosen on the enlarged tune half, reached 0.898; session 15's negation scope, chosen on the tune half,
     * 0.899; session 17's floor exemption, chosen on the tune half enlarged to 216, reached 0.897, and the guard was left
     * where it was; session 19's sentences composed from their clauses (chosen for speed, within margins on the tune
     * half) reached 0.903; session 28's neighbour rule, chosen on the tune half's folds, reached 0.914; session 33's misconception that takes its
     * sentence with it, chosen on the tune half's folds, 0.917; session 44's misconception cost and thesaurus for key
     * points' phrases, chosen on the tune half, its folds and the probe sets, 0.935.
     */
    private static final double REACHED_QWK = 0.935;

    @Test
    void testHalfAgreementAndKeywordListsStayWhereTheyWere() {
        FreeTextEvaluation evaluation = new FreeTextEvaluation(DevSet.load(), FreeTextEvaluation.applicationSettings());
        Report test = evaluation.evaluate(Split.TEST, FreeTextEvaluation.applicationSettings());

        assertThat(test.agreement().qwk()).as(test.summary()).isGreaterThanOrEqualTo(REACHED_QWK - 0.03);
        assertThat(test.keywordStuffedMaxPercent()).as(test.summary()).isLessThanOrEqualTo(25.0);
    }
}
