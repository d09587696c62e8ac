package io.hirepipe.scoring.result;

import io.hirepipe.defaults.problem.ProblemException;
import io.hirepipe.scoring.answerkey.AnswerKeyStore;
import io.hirepipe.scoring.grading.Points;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * How far people agree with the machine on one question: of the items a person looked at (set the
 * points, or accepted the machine's at finalisation), how often they changed the machine's score
 * and by how much. Computed over the tenant's newest results that contain the question.
 */
@Component
public class QuestionAgreement {

    static final int MAX_RESULTS = 5000;

    private final ResultStore results;
    private final AnswerKeyStore answerKeys;

    public QuestionAgreement(ResultStore results, AnswerKeyStore answerKeys) {
        this.results = results;
        this.answerKeys = answerKeys;
    }

    /** @throws ProblemException 404 when no version of the question was ever published to this tenant */
    public AgreementView of(String tenantId, String questionId) {
        List<ScoringResult.Item> items = new ArrayList<>();
        for (ScoringResult result : results.withQuestion(tenantId, questionId, MAX_RESULTS)) {
            result.items().stream().filter(item -> item.questionId().equals(questionId)).findFirst()
                    .ifPresent(items::add);
        }
        if (items.isEmpty() && !answerKeys.knows(tenantId, questionId)) {
            throw ProblemException.notFound("Question", questionId);
        }
        List<ScoringResult.Item> reviewed = items.stream()
                .filter(item -> item.humanPoints() != null || item.accepted()).toList();
        List<ScoringResult.Item> changed = reviewed.stream()
                .filter(item -> item.humanPoints() != null && item.humanPoints().compareTo(item.machinePoints()) != 0)
                .toList();
        int awaiting = (int) items.stream().filter(ScoringResult.Item::awaitsReview).count();
        if (reviewed.isEmpty()) {
            return new AgreementView(questionId, items.size(), 0, 0, awaiting, null, null, null, null, null);
        }
        BigDecimal absolute = BigDecimal.ZERO;
        BigDecimal signed = BigDecimal.ZERO;
        BigDecimal percentOfMax = BigDecimal.ZERO;
        BigDecimal largest = BigDecimal.ZERO;
        for (ScoringResult.Item item : reviewed) {
            BigDecimal delta = item.humanPoints() == null ? BigDecimal.ZERO
                    : item.humanPoints().subtract(item.machinePoints());
            absolute = absolute.add(delta.abs());
            signed = signed.add(delta);
            largest = largest.max(delta.abs());
            if (item.maxPoints() > 0) {
                percentOfMax = percentOfMax.add(delta.abs().multiply(BigDecimal.valueOf(100))
                        .divide(BigDecimal.valueOf(item.maxPoints()), 4, RoundingMode.HALF_UP));
            }
        }
        BigDecimal n = BigDecimal.valueOf(reviewed.size());
        return new AgreementView(questionId, items.size(), reviewed.size(), changed.size(), awaiting,
                ratio(changed.size(), reviewed.size()),
                Points.of(absolute.divide(n, 4, RoundingMode.HALF_UP)),
                percentOfMax.divide(n, 1, RoundingMode.HALF_UP),
                Points.of(signed.divide(n, 4, RoundingMode.HALF_UP)),
                Points.of(largest));
    }

    private static Double ratio(int part, int whole) {
        return BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 3, RoundingMode.HALF_UP).doubleValue();
    }

    /**
     * @param scored                    items of this question the machine scored
     * @param reviewed                  of those, items a person set or accepted
     * @param changed                   of those, items whose points a person changed
     * @param awaitingReview            items still waiting for a person
     * @param changeRate                changed / reviewed, 0..1; null until someone reviewed one
     * @param meanAbsoluteChange        mean |human − machine| points over the reviewed items
     * @param meanAbsoluteChangePercent the same in percent of the item's maximum
     * @param meanSignedChange          mean (human − machine): above 0, the machine is stricter than people
     * @param largestChange             the largest |human − machine| points
     */
    public record AgreementView(@Schema(example = "q_4GkR7wP2xYb9LmN3") String questionId,
                                @Schema(example = "40") int scored,
                                @Schema(example = "12") int reviewed,
                                @Schema(example = "3") int changed,
                                @Schema(example = "2") int awaitingReview,
                                @Schema(example = "0.25") Double changeRate,
                                @Schema(example = "0.75") BigDecimal meanAbsoluteChange,
                                @Schema(example = "18.75") BigDecimal meanAbsoluteChangePercent,
                                @Schema(example = "-0.25") BigDecimal meanSignedChange,
                                @Schema(example = "2.0") BigDecimal largestChange) {
    }
}
