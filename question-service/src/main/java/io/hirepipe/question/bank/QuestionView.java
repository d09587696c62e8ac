package io.hirepipe.question.bank;

import io.hirepipe.contracts.events.ChoiceOption;
import io.hirepipe.contracts.events.ChoiceScoring;
import io.hirepipe.contracts.events.QuestionKind;
import io.hirepipe.contracts.events.Rubric;

import java.time.Instant;
import java.util.List;

/**
 * A question as recruiters and platform clients see it: its latest version, answer key and
 * rubric included.
 *
 * @param publishedVersion the newest published version (the one new tests pin), null if none
 * @param prompt           the Markdown as written (kept for clients from before Markdown prompts)
 * @param promptMarkdown   the same Markdown, under the name that says what it is
 * @param promptHtml       the prompt rendered and sanitised: the only form to put into a page
 * @param needsRubric      a free-text draft imported without a rubric: it cannot be published until one is written
 */
public record QuestionView(
        String id,
        int version,
        QuestionStatus status,
        Integer publishedVersion,
        QuestionKind kind,
        String title,
        String prompt,
        List<ChoiceOption> options,
        List<String> correctOptionIds,
        Rubric rubric,
        int points,
        List<String> tags,
        ChoiceScoring choiceScoring,
        Instant createdAt,
        Instant updatedAt,
        Instant publishedAt,
        String promptMarkdown,
        String promptHtml,
        String category,
        Integer difficulty,
        Integer suggestedTimeSeconds,
        String whyWeAsk,
        String author,
        boolean needsRubric) {

    static QuestionView of(QuestionDocument question) {
        QuestionContent content = question.content();
        return new QuestionView(question.id(), question.version(), question.status(), question.publishedVersion(),
                content.kind(), content.title(), content.prompt(), content.options(), content.correctOptionIds(),
                content.rubric(), content.points(), content.tags(), content.choiceScoring(), question.createdAt(),
                question.updatedAt(), question.publishedAt(), content.prompt(), content.promptHtml(),
                content.category(), content.difficulty(), content.suggestedTimeSeconds(), content.whyWeAsk(),
                content.author(), QuestionRules.needsRubric(content));
    }
}
