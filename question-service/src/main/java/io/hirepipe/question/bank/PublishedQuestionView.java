package io.hirepipe.question.bank;

import io.hirepipe.contracts.events.ChoiceOption;
import io.hirepipe.contracts.events.ChoiceScoring;
import io.hirepipe.contracts.events.QuestionKind;
import io.hirepipe.contracts.events.Rubric;

import java.time.Instant;
import java.util.List;

/** One frozen published version, answer key included, for recruiters reviewing what a test used. */
public record PublishedQuestionView(
        String questionId,
        int version,
        QuestionKind kind,
        String title,
        String prompt,
        List<ChoiceOption> options,
        List<String> correctOptionIds,
        Rubric rubric,
        int points,
        List<String> tags,
        ChoiceScoring choiceScoring,
        Instant publishedAt,
        String promptHtml,
        String category,
        Integer difficulty,
        Integer suggestedTimeSeconds,
        String whyWeAsk,
        String author) {

    static PublishedQuestionView of(PublishedQuestion published) {
        QuestionContent content = published.content();
        return new PublishedQuestionView(published.questionId(), published.version(), content.kind(),
                content.title(), content.prompt(), content.options(), content.correctOptionIds(), content.rubric(),
                content.points(), content.tags(), content.choiceScoring(), published.publishedAt(),
                content.promptHtml(), content.category(), content.difficulty(), content.suggestedTimeSeconds(),
                content.whyWeAsk(), content.author());
    }
}
