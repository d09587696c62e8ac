package io.hirepipe.scoring.grading;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/**
 * A free-text answer's grade with its evidence.
 *
 * @param points         awarded points, 0..maxPoints, at most two decimal places
 * @param confidence     0..1: how sure the grader is of {@code points}
 * @param needsReview    a person should look at this item before the result is final
 * @param keyPoints      one verdict per rubric key point, in rubric order
 * @param misconceptions the misconceptions the answer states
 * @param flags          why the grade is what it is, beyond the key points (blank, keyword list, ...)
 */
public record FreeTextGrade(BigDecimal points, int maxPoints, double confidence, boolean needsReview,
                           List<KeyPointEvidence> keyPoints, List<MisconceptionEvidence> misconceptions,
                           Set<GradeFlag> flags) {

    public FreeTextGrade {
        keyPoints = keyPoints == null ? List.of() : List.copyOf(keyPoints);
        misconceptions = misconceptions == null ? List.of() : List.copyOf(misconceptions);
        flags = flags == null ? Set.of() : Set.copyOf(flags);
    }

    public enum Verdict { MET, PARTLY_MET, MISSED }

    public enum GradeFlag { BLANK, OFF_TOPIC, KEYWORD_LIST, LOW_CONFIDENCE, NEAR_THRESHOLD, MOSTLY_OFF_TOPIC, FALLBACK, NOT_ENGLISH }

    /**
     * @param credit     0..1 share of the key point's points awarded
     * @param span       the part of the answer that met it, verbatim; null when missed
     * @param similarity 0..1 semantic similarity of the best span to the key point
     */
    public record KeyPointEvidence(String keyPointId, Verdict verdict, double credit, BigDecimal points,
                                   String span, double similarity) {
    }

    /** @param penalty points deducted for it */
    public record MisconceptionEvidence(String misconceptionId, String description, BigDecimal penalty, String span,
                                        double similarity) {
    }
}
