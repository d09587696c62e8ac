package io.hirepipe.question.bank;

import io.hirepipe.contracts.events.ChoiceOption;
import io.hirepipe.contracts.events.ChoiceScoring;
import io.hirepipe.contracts.events.QuestionKind;
import io.hirepipe.contracts.events.Rubric;

import java.util.List;

/**
 * What a question says and how it is scored: everything a version freezes when it is published.
 * Built only by {@link QuestionRules}, so a stored content is always valid.
 *
 * @param options          the choices of a choice item; empty for free text
 * @param correctOptionIds the answer key of a choice item; empty for free text
 * @param rubric           the rubric of a free-text item; null for choice items
 * @param points           what the item is worth: given for choice items, the rubric's sum for free text
 * @param choiceScoring    how a choice item earns its points; null for free text. Stored contents from
 *                         before it existed read as ALL_OR_NOTHING
 * @param prompt           the prompt as written, in Markdown
 * @param promptHtml       the prompt rendered and sanitised; what pages show. Null in contents stored
 *                         before Markdown prompts, which read as the escaped plain prompt
 * @param category         lower-case topic, null when not given
 * @param difficulty       1..5, null when not given
 * @param author           who wrote this version (e-mail of a recruiter, or the API key's id)
 */
public record QuestionContent(
        QuestionKind kind,
        String title,
        String prompt,
        List<ChoiceOption> options,
        List<String> correctOptionIds,
        Rubric rubric,
        int points,
        List<String> tags,
        ChoiceScoring choiceScoring,
        String promptHtml,
        String category,
        Integer difficulty,
        Integer suggestedTimeSeconds,
        String whyWeAsk,
        String author) {

    public QuestionContent {
        promptHtml = promptHtml == null ? PromptRenderer.toSafeHtml(prompt) : promptHtml;
        options = options == null ? List.of() : List.copyOf(options);
        correctOptionIds = correctOptionIds == null ? List.of() : List.copyOf(correctOptionIds);
        tags = tags == null ? List.of() : List.copyOf(tags);
        choiceScoring = kind == QuestionKind.FREE_TEXT ? null
                : choiceScoring == null ? ChoiceScoring.ALL_OR_NOTHING : choiceScoring;
    }
}
