package io.hirepipe.scoring.analysis;

import java.util.List;

/**
 * Statistics of one test version over its scored sessions.
 *
 * @param results            scored sessions analysed (provisional ones included, with their current points)
 * @param provisionalResults of those, how many still have items awaiting review
 * @param truncated          more sessions exist than one analysis reads; the newest were analysed
 * @param reliability        Cronbach's alpha (KR-20 for right/wrong items); null for pooled tests and
 *                           where it cannot be computed, with the reason in {@code reliabilityNote}
 */
public record TestAnalysis(String testId, int testVersion, String testTitle, int results, int provisionalResults,
                           boolean truncated, QuestionSelection questionSelection, ScoreDistribution scoreDistribution,
                           Reliability reliability, String reliabilityNote, List<ItemAnalysis> items) {

    /**
     * @param mode  FIXED (every session had the same questions) or POOLED (questions were drawn from pools)
     * @param basis SUBMISSIONS when every session said whether it drew from pools; otherwise
     *              SAME_QUESTIONS_IN_EVERY_RESULT: fixed when all sessions had the same question versions
     */
    public record QuestionSelection(String mode, String basis) {
    }

    /**
     * Percent scores of the sessions. Quartiles by linear interpolation between closest ranks (the R-7
     * definition that spreadsheets and NumPy use by default).
     *
     * @param standardDeviationPercent the sample standard deviation (n − 1); null for a single session
     * @param passRate                 share of sessions at or above the pass mark
     * @param histogram                ten bands of 10 points; the last includes 100
     */
    public record ScoreDistribution(int count, double meanPercent, Double standardDeviationPercent,
                                    double minPercent, double lowerQuartilePercent, double medianPercent,
                                    double upperQuartilePercent, double maxPercent, double passRate,
                                    List<Band> histogram) {
    }

    public record Band(int fromPercent, int toPercent, int count) {
    }

    /** @param coefficient KR_20 when every item is scored right or wrong (all or none of its points), CRONBACH_ALPHA otherwise */
    public record Reliability(String coefficient, double value, int items) {
    }
}
