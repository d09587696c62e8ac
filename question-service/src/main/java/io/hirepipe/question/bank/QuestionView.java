package io.hirepipe.question.bank;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.ArraySchema;
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
        @Schema(example = "q_4GkR7wP2xYb9LmN3") String id,
        @Schema(example = "2") int version,
        QuestionStatus status,
        @Schema(example = "1") Integer publishedVersion,
        QuestionKind kind,
        @Schema(example = "Design a rate limiter") String title,
        @Schema(example = "How would you limit each API client to 100 requests per minute across several instances?") String prompt,
        List<ChoiceOption> options,
        @ArraySchema(schema = @Schema(example = "b")) List<String> correctOptionIds,
        Rubric rubric,
        @Schema(example = "4") int points,
        @ArraySchema(schema = @Schema(example = "databases")) List<String> tags,
        ChoiceScoring choiceScoring,
        Instant createdAt,
        Instant updatedAt,
        Instant publishedAt,
        @Schema(example = "How would you limit each API client to **100 requests per minute** across several instances?") String promptMarkdown,
        @Schema(example = "<p>How would you limit each API client to <strong>100 requests per minute</strong> across several instances?</p>") String promptHtml,
        @Schema(example = "system-design") String category,
        @Schema(example = "3") Integer difficulty,
        @Schema(example = "300") Integer suggestedTimeSeconds,
        @Schema(example = "Shows whether the candidate weighs accuracy against shared state.") String whyWeAsk,
        @Schema(example = "rita@acme.example") String author,
        boolean needsRubric) {

    /**
     * Spring MVC logs bodies by toString at DEBUG; a record's would print the author's email; a large view, so only
     * the essentials are printed.
     */
    @Override
    public String toString() {
        return "QuestionView[id=" + id + ", version=" + version + ", status=" + status + ", kind=" + kind + ", title="
                + title + ", author hidden]";
    }

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
