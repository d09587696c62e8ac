package io.hirepipe.scoring.analysis;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.hirepipe.contracts.events.QuestionKind;

import java.util.List;

/**
 * Statistics of one question version over the sittings that had it.
 *
 * @param responses      sittings that had the question, blanks included (a blank scores 0)
 * @param unanswered     of those, how many left it blank
 * @param meanPoints     mean points per response; null without responses
 * @param facility       meanPoints ÷ maxPoints, 0..1: the share of the marks candidates earned (high = easy)
 * @param discrimination corrected item–total correlation, −1..1; null when it cannot be computed (fewer
 *                       than three responses, or no spread in the item or in the rest of the test)
 * @param options        for choice items, each option with how often it was picked; empty for free text
 * @param flags          {@link ItemStatistics#REVIEW_THIS_QUESTION}, {@link ItemStatistics#NEVER_CHOSEN_DISTRACTOR}
 * @param pointsDistribution how many responses earned each number of points, lowest first (only values
 *                       that occurred; blanks count at 0)
 */
public record ItemAnalysis(@Schema(example = "q_4GkR7wP2xYb9LmN3") String questionId,
                           @Schema(example = "2") int questionVersion,
                           QuestionKind kind,
                           @Schema(example = "Design a rate limiter") String title,
                           @Schema(example = "4") int maxPoints,
                           @Schema(example = "40") int responses,
                           @Schema(example = "2") int unanswered,
                           @Schema(example = "2.6") Double meanPoints,
                           @Schema(example = "0.65") Double facility,
                           @Schema(example = "0.41") Double discrimination,
                           @Schema(example = "CORRECTED_ITEM_TOTAL_CORRELATION") String discriminationMethod,
                           List<OptionUse> options,
                           @ArraySchema(schema = @Schema(example = "REVIEW_THIS_QUESTION")) List<String> flags,
                           List<PointsCount> pointsDistribution) {

    /** @param points rounded to two decimals (partial credit can be a fraction) */
    public record PointsCount(@Schema(example = "2.0") double points, @Schema(example = "11") int responses) {
    }

    /**
     * @param text                  the option as candidates read it; null when this service has not kept it
     * @param picks                 responses that selected this option
     * @param pickRate              picks ÷ responses
     * @param neverChosenDistractor a wrong option nobody picked: it distracts nobody
     */
    public record OptionUse(@Schema(example = "b") String optionId,
                            @Schema(example = "Sharding") String text,
                            boolean correct,
                            @Schema(example = "14") int picks,
                            @Schema(example = "0.35") double pickRate,
                            boolean neverChosenDistractor) {
    }
}
