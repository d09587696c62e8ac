package io.hirepipe.scoring.analysis;

import io.swagger.v3.oas.annotations.media.Schema;
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
public record TestAnalysis(@Schema(example = "t_8ZpQ3vN6cJw1TfHs") String testId,
                           @Schema(example = "3") int testVersion,
                           @Schema(example = "Backend basics") String testTitle,
                           @Schema(example = "40") int results,
                           @Schema(example = "2") int provisionalResults,
                           boolean truncated, QuestionSelection questionSelection, ScoreDistribution scoreDistribution,
                           Reliability reliability,
                           @Schema(example = "Cronbach's alpha from 40 results") String reliabilityNote,
                           List<ItemAnalysis> items) {

    /**
     * @param mode  FIXED (every session had the same questions) or POOLED (questions were drawn from pools)
     * @param basis SUBMISSIONS when every session said whether it drew from pools; otherwise
     *              SAME_QUESTIONS_IN_EVERY_RESULT: fixed when all sessions had the same question versions
     */
    public record QuestionSelection(@Schema(example = "FIXED") String mode,
                                    @Schema(example = "SUBMISSIONS") String basis) {
    }

    /**
     * Percent scores of the sessions. Quartiles by linear interpolation between closest ranks (the R-7
     * definition that spreadsheets and NumPy use by default).
     *
     * @param standardDeviationPercent the sample standard deviation (n − 1); null for a single session
     * @param passRate                 share of sessions at or above the pass mark
     * @param histogram                ten bands of 10 points; the last includes 100
     */
    public record ScoreDistribution(@Schema(example = "40") int count,
                                    @Schema(example = "66.4") double meanPercent,
                                    @Schema(example = "14.2") Double standardDeviationPercent,
                                    @Schema(example = "22.5") double minPercent,
                                    @Schema(example = "52.5") double lowerQuartilePercent,
                                    @Schema(example = "67.5") double medianPercent,
                                    @Schema(example = "80.0") double upperQuartilePercent,
                                    @Schema(example = "95.0") double maxPercent,
                                    @Schema(example = "0.65") double passRate,
                                    List<Band> histogram) {
    }

    public record Band(@Schema(example = "60") int fromPercent,
                       @Schema(example = "70") int toPercent,
                       @Schema(example = "8") int count) {
    }

    /** @param coefficient KR_20 when every item is scored right or wrong (all or none of its points), CRONBACH_ALPHA otherwise */
    public record Reliability(@Schema(example = "CRONBACH_ALPHA") String coefficient,
                              @Schema(example = "0.78") double value,
                              @Schema(example = "10") int items) {
    }
}
