package io.hirepipe.question.bank;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.hirepipe.contracts.events.ChoiceOption;
import io.hirepipe.contracts.events.ChoiceScoring;
import io.hirepipe.contracts.events.QuestionKind;
import io.hirepipe.contracts.events.Rubric;

import java.time.Instant;
import java.util.List;

/** One frozen published version, answer key included, for recruiters reviewing what a test used. */
public record PublishedQuestionView(
        @Schema(example = "q_4GkR7wP2xYb9LmN3") String questionId,
        @Schema(example = "2") int version,
        QuestionKind kind,
        @Schema(example = "Design a rate limiter") String title,
        @Schema(example = "How would you limit each API client to 100 requests per minute across several instances?") String prompt,
        List<ChoiceOption> options,
        @ArraySchema(schema = @Schema(example = "b")) List<String> correctOptionIds,
        Rubric rubric,
        @Schema(example = "4") int points,
        @ArraySchema(schema = @Schema(example = "databases")) List<String> tags,
        ChoiceScoring choiceScoring,
        Instant publishedAt,
        @Schema(example = "<p>How would you limit each API client to <strong>100 requests per minute</strong> across several instances?</p>") String promptHtml,
        @Schema(example = "system-design") String category,
        @Schema(example = "3") Integer difficulty,
        @Schema(example = "300") Integer suggestedTimeSeconds,
        @Schema(example = "Shows whether the candidate weighs accuracy against shared state.") String whyWeAsk,
        @Schema(example = "rita@acme.example") String author) {

    /**
     * Spring MVC logs bodies by toString at DEBUG; a record's would print the author's email; a large view, so only
     * the essentials are printed.
     */
    @Override
    public String toString() {
        return "PublishedQuestionView[questionId=" + questionId + ", version=" + version + ", kind=" + kind
                + ", title=" + title + ", author hidden]";
    }

    static PublishedQuestionView of(PublishedQuestion published) {
        QuestionContent content = published.content();
        return new PublishedQuestionView(published.questionId(), published.version(), content.kind(),
                content.title(), content.prompt(), content.options(), content.correctOptionIds(), content.rubric(),
                content.points(), content.tags(), content.choiceScoring(), published.publishedAt(),
                content.promptHtml(), content.category(), content.difficulty(), content.suggestedTimeSeconds(),
                content.whyWeAsk(), content.author());
    }
}
