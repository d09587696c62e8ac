package io.hirepipe.scoring.grading;

import io.hirepipe.contracts.events.AssessmentSubmitted;
import io.hirepipe.contracts.events.ItemStatus;
import io.hirepipe.contracts.events.SubmittedAnswer;
import io.hirepipe.scoring.answerkey.AnswerKey;
import io.hirepipe.scoring.answerkey.AnswerKeyRef;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Grades every answer of a submission against its answer key: choice items here, free text by the
 * {@link FreeTextGrader}. No I/O of its own.
 */
@Component
public class SubmissionGrader {

    private final FreeTextGrader freeTextGrader;

    public SubmissionGrader(FreeTextGrader freeTextGrader) {
        this.freeTextGrader = freeTextGrader;
    }

    /** The distinct question versions the submission refers to, in answer order. */
    public static List<AnswerKeyRef> refsOf(AssessmentSubmitted submission) {
        return answersByRef(submission).keySet().stream().toList();
    }

    /**
     * @param keys an answer key for every ref of {@link #refsOf}
     * @throws IllegalArgumentException when a key is missing: the caller must wait for it, never score it as zero
     */
    public ScoreSheet grade(AssessmentSubmitted submission, Map<AnswerKeyRef, AnswerKey> keys) {
        List<GradedItem> items = new ArrayList<>();
        for (Map.Entry<AnswerKeyRef, SubmittedAnswer> entry : answersByRef(submission).entrySet()) {
            AnswerKey key = keys.get(entry.getKey());
            if (key == null) {
                throw new IllegalArgumentException("No answer key for " + entry.getKey());
            }
            items.add(grade(entry.getValue(), key));
        }
        return ScoreSheet.of(items, submission.passMarkPercent());
    }

    GradedItem grade(SubmittedAnswer answer, AnswerKey key) {
        int maxPoints = Math.max(0, key.maxPoints());
        return switch (key.kind()) {
            case SINGLE_CHOICE, MULTI_CHOICE -> {
                boolean blank = answer.selectedOptionIds().isEmpty();
                yield new GradedItem(key.questionId(), key.version(), key.kind(),
                        blank ? Points.ZERO : ChoiceGrader.points(answer.selectedOptionIds(), key.correctOptionIds(),
                                maxPoints, key.choiceScoring()),
                        maxPoints, List.of(), answer.title(), blank ? ItemStatus.UNANSWERED : ItemStatus.SCORED, null,
                        answer.selectedOptionIds(), null);
            }
            case FREE_TEXT -> gradeFreeText(answer, key, maxPoints);
        };
    }

    private GradedItem gradeFreeText(SubmittedAnswer answer, AnswerKey key, int maxPoints) {
        boolean blank = answer.text() == null || answer.text().isBlank();
        FreeTextGrade grade = freeTextGrader.grade(blank ? "" : answer.text(), rubricOf(key));
        List<String> met = grade.keyPoints().stream()
                .filter(evidence -> evidence.verdict() == FreeTextGrade.Verdict.MET)
                .map(FreeTextGrade.KeyPointEvidence::keyPointId)
                .toList();
        ItemStatus status = blank ? ItemStatus.UNANSWERED
                : grade.needsReview() ? ItemStatus.NEEDS_REVIEW : ItemStatus.SCORED;
        return new GradedItem(key.questionId(), key.version(), key.kind(),
                blank ? Points.ZERO : Points.clamp(grade.points(), maxPoints), maxPoints, met, answer.title(), status,
                grade, List.of(), blank ? null : answer.text());
    }

    /** The question key names the version, so graders may cache per-version work such as embeddings. */
    static FreeTextRubric rubricOf(AnswerKey key) {
        return new FreeTextRubric(key.questionId() + ":" + key.version(), key.prompt(),
                key.keyPoints().stream()
                        .map(p -> new FreeTextRubric.Point(p.id(), p.description(), p.phrases(), p.examples(),
                                p.points()))
                        .toList(),
                key.misconceptions().stream()
                        .map(m -> new FreeTextRubric.Misconception(m.id(), m.description(), m.phrases(), m.points()))
                        .toList());
    }

    /**
     * One answer per question version: should a submission repeat one, the first counts, so a
     * question cannot be worth more than once.
     */
    private static Map<AnswerKeyRef, SubmittedAnswer> answersByRef(AssessmentSubmitted submission) {
        Map<AnswerKeyRef, SubmittedAnswer> answers = new LinkedHashMap<>();
        for (SubmittedAnswer answer : submission.answers()) {
            answers.putIfAbsent(new AnswerKeyRef(answer.questionId(), answer.questionVersion()), answer);
        }
        return answers;
    }
}
