package io.hirepipe.scoring.result;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.hirepipe.contracts.events.IntegrityCounts;
import io.hirepipe.contracts.events.ItemStatus;
import io.hirepipe.contracts.events.QuestionKind;
import io.hirepipe.contracts.events.SubmitReason;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A result with its per-question breakdown and evidence, as recruiters and platform clients read it.
 *
 * @param provisional items await review, or the result awaits finalisation: the score may still change
 * @param reviewCount items whose machine score awaits a person
 * @param externalReference the platform client's reference of the invitation, if it gave one
 * @param timeTakenSeconds  start to submission; null for results scored before it was reported
 * @param integrity         the browser's integrity signal counts; null likewise
 */
public record ResultView(
        @Schema(example = "ses_HJs7Pq2Xv9Lm4Nc") String sessionId,
        @Schema(example = "inv_Wcj2Ks8Lq4Rt6Yb") String invitationId,
        @Schema(example = "t_8ZpQ3vN6cJw1TfHs") String testId,
        @Schema(example = "Backend basics") String testTitle,
        CandidateView candidate,
        @Schema(example = "rita@acme.example") String recruiterEmail,
        @Schema(example = "29.0") BigDecimal points,
        @Schema(example = "40") int maxPoints,
        @Schema(example = "72.5") double percent,
        @Schema(example = "60") int passMarkPercent,
        boolean passed,
        SubmitReason submitReason,
        Instant startedAt,
        Instant submittedAt,
        Instant scoredAt,
        boolean provisional,
        @Schema(example = "1") int reviewCount,
        Instant finalizedAt,
        @Schema(example = "rita@acme.example") String finalizedBy,
        List<ItemView> items,
        @Schema(example = "gh-application-4711") String externalReference,
        @Schema(example = "2280") Long timeTakenSeconds,
        IntegrityCounts integrity) {

    /**
     * Spring MVC logs bodies by toString at DEBUG; a record's would print the candidate, the recruiters and every
     * answer; a large view, so only those are hidden.
     */
    @Override
    public String toString() {
        return "ResultView[sessionId=" + sessionId + ", invitationId=" + invitationId + ", testId=" + testId
                + ", points=" + points + "/" + maxPoints + ", provisional=" + provisional + ", finalizedAt="
                + finalizedAt + ", items=" + items + ", candidate, recruiterEmail and finalizedBy hidden]";
    }

    public record CandidateView(@Schema(example = "Ada Lovelace") String name,
                                @Schema(example = "rita@acme.example") String email) {

        /** Spring MVC logs bodies by toString at DEBUG; a record's would print the candidate's name and email. */
        @Override
        public String toString() {
            return "CandidateView[hidden]";
        }

        static CandidateView of(ScoringResult.Candidate candidate) {
            return candidate == null ? null : new CandidateView(candidate.name(), candidate.email());
        }
    }

    /**
     * @param title         the question's title as the candidate saw it; null when the submission did not carry it
     * @param points        what the item counts for: the reviewer's value when set, the machine's otherwise
     * @param machinePoints what the machine gave
     * @param humanPoints   the reviewer's value; null until one is set
     * @param awaitingReview the machine was unsure and no person has settled it yet
     * @param evidence      for free-text items: per key point verdict, span and similarity, misconceptions,
     *                      confidence and flags; null for choice items
     * @param reviewReasons why the grader asked for a person, one sentence per reason; empty unless awaitingReview
     * @param history       every change a person made, oldest first
     * @param selectedOptionIds for choice items, the options the candidate picked
     * @param selectedOptions   the same picks with their texts as the candidate read them (the text is null
     *                          when this service has not kept the texts of that question version)
     * @param answerText        for free-text items, what the candidate wrote
     */
    public record ItemView(@Schema(example = "q_4GkR7wP2xYb9LmN3") String questionId,
                           @Schema(example = "2") int questionVersion,
                           QuestionKind kind,
                           @Schema(example = "Design a rate limiter") String title,
                           @Schema(example = "4") BigDecimal points,
                           @Schema(example = "40") int maxPoints,
                           ItemStatus status,
                           boolean awaitingReview,
                           @Schema(example = "2.0") BigDecimal machinePoints,
                           @Schema(example = "3.0") BigDecimal humanPoints,
                           @ArraySchema(schema = @Schema(example = "shared-state")) List<String> matchedKeyPointIds,
                           ScoringResult.Evidence evidence,
                           @ArraySchema(schema = @Schema(example = "the score lies on the boundary between two grades"))
                           List<String> reviewReasons,
                           List<ReviewView> history,
                           @ArraySchema(schema = @Schema(example = "b")) List<String> selectedOptionIds,
                           @Schema(example = "A token bucket per client in Redis, refilled at 100 per minute.") String answerText,
                           List<ChosenOption> selectedOptions) {

        /**
         * Spring MVC logs bodies by toString at DEBUG; a record's would print the candidate's answer, quoted again in
         * the evidence.
         */
        @Override
        public String toString() {
            return "ItemView[questionId=" + questionId + ", questionVersion=" + questionVersion + ", status=" + status
                    + ", points=" + points + "/" + maxPoints + ", awaitingReview=" + awaitingReview + ", history="
                    + history + ", answer and evidence hidden]";
        }
    }

    public record ChosenOption(@Schema(example = "b") String id, @Schema(example = "Replication") String text) {
    }

    /** The text of an option of a question version, or null when unknown. */
    @FunctionalInterface
    interface OptionTexts {
        OptionTexts NONE = (questionId, version, optionId) -> null;

        String textOf(String questionId, int version, String optionId);
    }

    /** @param by who decided: a recruiter's email, or {@code platform:<key id>} */
    public record ReviewView(@Schema(example = "score.adjusted") String action,
                             @Schema(example = "2.0") BigDecimal from,
                             @Schema(example = "3.0") BigDecimal to,
                             @Schema(example = "The candidate's laptop crashed") String reason,
                             @Schema(example = "rita@acme.example") String by,
                             Instant at) {

        /**
         * Spring MVC logs bodies by toString at DEBUG; a record's would print who decided (an email) and their reason,
         * which may name the candidate.
         */
        @Override
        public String toString() {
            return "ReviewView[action=" + action + ", from=" + from + ", to=" + to + ", at=" + at
                    + ", by and reason hidden]";
        }
    }

    static ResultView of(ScoringResult result, OptionTexts optionTexts) {
        return new ResultView(result.sessionId(), result.invitationId(), result.testId(), result.testTitle(),
                CandidateView.of(result.candidate()), result.recruiterEmail(), result.points(), result.maxPoints(),
                result.percent(), result.passMarkPercent(), result.passed(), result.submitReason(),
                result.startedAt(), result.submittedAt(), result.scoredAt(), result.provisional(),
                result.reviewCount(), result.finalizedAt(), result.finalizedBy(),
                result.items().stream().map(item -> item(item, optionTexts)).toList(), result.externalReference(),
                result.timeTakenSeconds(), result.integrity());
    }

    private static ItemView item(ScoringResult.Item item, OptionTexts optionTexts) {
        return new ItemView(item.questionId(), item.questionVersion(), item.kind(), item.title(), item.points(),
                item.maxPoints(), item.status(), item.awaitsReview(), item.machinePoints(), item.humanPoints(),
                item.matchedKeyPointIds(), item.evidence(), item.reviewReasons(),
                item.history().stream().map(review -> new ReviewView(review.action(), review.from(), review.to(),
                        review.reason(), review.by() == null ? null : review.by().display(), review.at())).toList(),
                item.selectedOptionIds(), item.answerText(),
                item.selectedOptionIds().stream().map(optionId -> new ChosenOption(optionId,
                        optionTexts.textOf(item.questionId(), item.questionVersion(), optionId))).toList());
    }
}
