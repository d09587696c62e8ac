package io.hirepipe.question.bank;

import io.hirepipe.contracts.events.QuestionKind;

import java.util.List;

/**
 * What a question search asks for; every member is optional (null or empty = any).
 *
 * @param terms normalised words that must all appear in the title, prompt or tags
 */
public record QuestionFilter(
        QuestionKind kind,
        QuestionStatus status,
        String tag,
        String category,
        Integer difficultyMin,
        Integer difficultyMax,
        List<String> terms) {

    public QuestionFilter {
        terms = terms == null ? List.of() : List.copyOf(terms);
    }

    public static QuestionFilter any() {
        return new QuestionFilter(null, null, null, null, null, null, List.of());
    }
}
