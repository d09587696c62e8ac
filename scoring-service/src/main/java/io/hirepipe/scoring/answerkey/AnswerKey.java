package io.hirepipe.scoring.answerkey;

import io.hirepipe.contracts.events.ChoiceOption;
import io.hirepipe.contracts.events.ChoiceScoring;
import io.hirepipe.contracts.events.QuestionKind;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.List;

/**
 * scoring-service's own copy of what it needs to score one question version, built from
 * QuestionPublished. Never served over the API: answer keys and rubrics stay inside this service.
 *
 * @param id               {@code tenantId:questionId:version}, so that an upsert by id is idempotent
 * @param correctOptionIds the answer key of a choice item; empty for free text
 * @param title            the question's title, for evidence and statistics
 * @param prompt           the question as candidates saw it; free-text graders compare answers with it
 * @param keyPoints        the rubric of a free-text item; empty for choice items
 * @param misconceptions   wrong statements that cost points; empty when the rubric names none
 * @param choiceScoring    how a multiple-choice item earns its points; null in keys stored before it
 *                         was kept, which means all or nothing
 * @param retired          the question may no longer be put into tests; sessions that already
 *                         have it are still scored with this key
 * @param sourceEventId    the QuestionPublished event this key was last written from
 * @param optionIds        every option of a choice item, in the author's order, so item analysis can
 *                         name options nobody picked; empty for free text and in keys stored before
 * @param options          every option with its text as candidates read it in this version, so reviewers
 *                         see what a candidate chose in words; empty for free text and in keys stored
 *                         before texts were kept
 */
@Document(AnswerKey.COLLECTION)
public record AnswerKey(
        @Id String id,
        String tenantId,
        String questionId,
        int version,
        QuestionKind kind,
        List<String> correctOptionIds,
        List<RubricKeyPoint> keyPoints,
        int maxPoints,
        boolean retired,
        String sourceEventId,
        Instant updatedAt,
        String title,
        String prompt,
        List<RubricMisconception> misconceptions,
        ChoiceScoring choiceScoring,
        List<String> optionIds,
        List<ChoiceOption> options) {

    public static final String COLLECTION = "answer_keys";

    public AnswerKey {
        correctOptionIds = correctOptionIds == null ? List.of() : List.copyOf(correctOptionIds);
        keyPoints = keyPoints == null ? List.of() : List.copyOf(keyPoints);
        misconceptions = misconceptions == null ? List.of() : List.copyOf(misconceptions);
        choiceScoring = choiceScoring == null ? ChoiceScoring.ALL_OR_NOTHING : choiceScoring;
        optionIds = optionIds == null ? List.of() : List.copyOf(optionIds);
        options = options == null ? List.of() : List.copyOf(options);
    }

    public static String idOf(String tenantId, String questionId, int version) {
        return tenantId + ":" + questionId + ":" + version;
    }

    /** The text of option {@code optionId} in this version; null when unknown (an older key, or no such option). */
    public String optionText(String optionId) {
        return options.stream().filter(option -> option.id().equals(optionId)).map(ChoiceOption::text)
                .findFirst().orElse(null);
    }

    public AnswerKeyRef ref() {
        return new AnswerKeyRef(questionId, version);
    }
}
