package io.hirepipe.scoring.grading;

import io.hirepipe.contracts.events.AssessmentSubmitted;
import io.hirepipe.contracts.events.SubmittedAnswer;
import io.hirepipe.scoring.answerkey.AnswerKey;
import io.hirepipe.scoring.answerkey.AnswerKeyRef;
import io.hirepipe.scoring.grading.RubricMatcher.RubricMatch;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Grades every answer of a submission against its answer key. Pure: no I/O. */
@Component
public class SubmissionGrader {

    private final RubricMatcher rubricMatcher;

    public SubmissionGrader(RubricMatcher rubricMatcher) {
        this.rubricMatcher = rubricMatcher;
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
            case SINGLE_CHOICE, MULTI_CHOICE -> new GradedItem(key.questionId(), key.version(), key.kind(),
                    ChoiceGrader.points(answer.selectedOptionIds(), key.correctOptionIds(), maxPoints), maxPoints,
                    List.of(), answer.title());
            case FREE_TEXT -> {
                RubricMatch match = rubricMatcher.match(answer.text(), key.keyPoints());
                yield new GradedItem(key.questionId(), key.version(), key.kind(),
                        Math.min(match.points(), maxPoints), maxPoints, match.keyPointIds(), answer.title());
            }
        };
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
