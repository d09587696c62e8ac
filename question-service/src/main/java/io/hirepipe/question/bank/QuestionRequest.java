package io.hirepipe.question.bank;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.hirepipe.contracts.events.ChoiceScoring;
import io.hirepipe.contracts.events.QuestionKind;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * The content of a question as a client writes it (create and replace). Bean validation bounds
 * every size; the rules that depend on the kind live in {@link QuestionRules}.
 *
 * @param points        what a choice item is worth (1..100, default 1); for free text, optional and, when
 *                      given, must equal the sum of the key points
 * @param choiceScoring for multiple-choice items, ALL_OR_NOTHING (the default) or PARTIAL credit
 * @param prompt        Markdown; raw HTML in it is stripped from the rendered {@code promptHtml}
 * @param category      one topic the item belongs to (pool rules draw by it), stored lower-case
 * @param difficulty    1 (warm-up) to 5 (expert)
 * @param suggestedTimeSeconds how long a prepared candidate needs, for test authors adding up a test
 * @param whyWeAsk      one line for recruiters: what the item tells about a candidate
 */
public record QuestionRequest(
        @NotNull QuestionKind kind,
        @Schema(example = "Design a rate limiter") @NotBlank @Size(max = 200) String title,
        @Schema(example = "How would you limit each API client to 100 requests per minute across several instances?") @NotBlank @Size(max = 5000) String prompt,
        @Size(max = 10) List<@NotNull @Valid Option> options,
        @ArraySchema(schema = @Schema(example = "b")) @Size(max = 10) List<@NotBlank @Size(max = 50) String> correctOptionIds,
        @Valid RubricInput rubric,
        @Schema(example = "4") Integer points,
        @ArraySchema(schema = @Schema(example = "databases")) @Size(max = 20) List<@NotBlank @Size(max = 50) String> tags,
        ChoiceScoring choiceScoring,
        @Schema(example = "system-design") @Size(max = 50) @Pattern(regexp = "^[A-Za-z0-9][A-Za-z0-9 _-]*$",
                message = "letters, digits, spaces, '-' and '_' only") String category,
        @Schema(example = "3") @Min(1) @Max(5) Integer difficulty,
        @Schema(example = "300") @Min(10) @Max(7200) Integer suggestedTimeSeconds,
        @Schema(example = "Shows whether the candidate weighs accuracy against shared state.") @Size(max = 500) String whyWeAsk) {

    /** The shape before category, difficulty, time and "why we ask" existed. */
    public QuestionRequest(QuestionKind kind, String title, String prompt, List<Option> options,
                           List<String> correctOptionIds, RubricInput rubric, Integer points, List<String> tags,
                           ChoiceScoring choiceScoring) {
        this(kind, title, prompt, options, correctOptionIds, rubric, points, tags, choiceScoring, null, null, null,
                null);
    }

    public record Option(
            @Schema(example = "b") @NotBlank @Size(max = 50) String id,
            @Schema(example = "Replication") @NotBlank @Size(max = 1000) String text) {
    }

    /** @param misconceptions optional wrong statements that cost points */
    public record RubricInput(
            @NotNull @Size(min = 1, max = 20) List<@NotNull @Valid KeyPointInput> keyPoints,
            @Size(max = 20) List<@NotNull @Valid MisconceptionInput> misconceptions) {

        public RubricInput(List<KeyPointInput> keyPoints) {
            this(keyPoints, null);
        }
    }

    /** @param examples optional example sentences that meet the key point, as a candidate might write them */
    public record KeyPointInput(
            @Schema(example = "shared-state") @NotBlank @Size(max = 50) String id,
            @Schema(example = "Keeps the counters where every instance sees them") @Size(max = 1000) String description,
            @ArraySchema(schema = @Schema(example = "token bucket")) @NotNull @Size(min = 1, max = 20) List<@NotBlank @Size(max = 200) String> phrases,
            @Schema(example = "4") @NotNull @Min(1) @Max(100) Integer points,
            @ArraySchema(schema = @Schema(example = "Keep one counter per client in Redis so every instance sees it")) @Size(max = 10) List<@NotBlank @Size(max = 1000) String> examples) {

        public KeyPointInput(String id, String description, List<String> phrases, Integer points) {
            this(id, description, phrases, points, null);
        }
    }

    /**
     * @param description the wrong statement, in a sentence (graders compare answers with it)
     * @param phrases     optional words that signal it
     * @param points      what stating it costs, 1..100 and at most what the question is worth
     */
    public record MisconceptionInput(
            @Schema(example = "local-only") @NotBlank @Size(max = 50) String id,
            @Schema(example = "Counts in each instance's memory only") @NotBlank @Size(max = 1000) String description,
            @ArraySchema(schema = @Schema(example = "token bucket")) @Size(max = 20) List<@NotBlank @Size(max = 200) String> phrases,
            @Schema(example = "4") @NotNull @Min(1) @Max(100) Integer points) {
    }
}
