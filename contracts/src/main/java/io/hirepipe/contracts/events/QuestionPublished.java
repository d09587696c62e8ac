package io.hirepipe.contracts.events;

import java.util.List;

/**
 * A question version became usable in tests. Carries the full item, answer key and rubric
 * included, because scoring-service builds its read model from this event alone. Never sent to
 * candidates.
 *
 * @param correctOptionIds the answer key of a choice item; empty for free text
 * @param rubric           the rubric of a free-text item; null for choice items
 * @param maxPoints        what the item is worth in a test
 * @param choiceScoring    how a multiple-choice item earns its points; {@link ChoiceScoring#ALL_OR_NOTHING}
 *                         when a producer before schema version 2 did not say
 */
public record QuestionPublished(
        String questionId,
        int version,
        QuestionKind kind,
        String title,
        String prompt,
        List<ChoiceOption> options,
        List<String> correctOptionIds,
        Rubric rubric,
        int maxPoints,
        List<String> tags,
        ChoiceScoring choiceScoring) implements EventPayload {

    public QuestionPublished {
        options = options == null ? List.of() : List.copyOf(options);
        correctOptionIds = correctOptionIds == null ? List.of() : List.copyOf(correctOptionIds);
        tags = tags == null ? List.of() : List.copyOf(tags);
        choiceScoring = choiceScoring == null ? ChoiceScoring.ALL_OR_NOTHING : choiceScoring;
    }

    public QuestionPublished(String questionId, int version, QuestionKind kind, String title, String prompt,
                             List<ChoiceOption> options, List<String> correctOptionIds, Rubric rubric, int maxPoints,
                             List<String> tags) {
        this(questionId, version, kind, title, prompt, options, correctOptionIds, rubric, maxPoints, tags,
                ChoiceScoring.ALL_OR_NOTHING);
    }

    @Override
    public String partitionKey() {
        return questionId;
    }
}
