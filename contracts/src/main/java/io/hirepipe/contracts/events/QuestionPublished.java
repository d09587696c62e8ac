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
        List<String> tags) implements EventPayload {

    public QuestionPublished {
        options = options == null ? List.of() : List.copyOf(options);
        correctOptionIds = correctOptionIds == null ? List.of() : List.copyOf(correctOptionIds);
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    @Override
    public String partitionKey() {
        return questionId;
    }
}
