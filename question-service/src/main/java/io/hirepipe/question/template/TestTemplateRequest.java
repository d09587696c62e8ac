package io.hirepipe.question.template;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * A test as a client writes it (create and edit). Each section has either {@code questionIds} or a
 * {@code pool}; the service checks that and the total of at most 100 questions.
 *
 * @param draft            on create: keep it a draft (edit, then publish); by default a new test is
 *                         published at once, as before drafts existed
 * @param shuffleQuestions shuffle the order within each section per session
 * @param shuffleOptions   shuffle the options of choice questions per session (default true)
 */
public record TestTemplateRequest(
        @Schema(example = "Backend basics") @NotBlank @Size(max = 200) String title,
        @Schema(example = "Screening test for backend engineers") @Size(max = 2000) String description,
        @Schema(example = "Answer every question; you can go back until you submit.") @Size(max = 5000) String instructions,
        @Schema(example = "45") @NotNull @Min(1) @Max(480) Integer durationMinutes,
        @Schema(example = "60") @NotNull @Min(0) @Max(100) Integer passMarkPercent,
        @NotNull @Size(min = 1, max = 20) List<@NotNull @Valid SectionInput> sections,
        Boolean shuffleQuestions,
        Boolean shuffleOptions,
        Boolean draft) {

    public record SectionInput(
            @Schema(example = "System design") @NotBlank @Size(max = 200) String title,
            @ArraySchema(schema = @Schema(example = "q_4GkR7wP2xYb9LmN3")) @Size(max = 100) List<@NotBlank @Size(max = 64) String> questionIds,
            @Valid PoolInput pool) {
    }

    public record PoolInput(
            @Schema(example = "system-design") @NotBlank @Size(max = 50) String category,
            @ArraySchema(schema = @Schema(example = "databases")) @Size(max = 10) List<@NotBlank @Size(max = 50) String> tags,
            @Schema(example = "2") @Min(1) @Max(5) Integer difficultyMin,
            @Schema(example = "4") @Min(1) @Max(5) Integer difficultyMax,
            @Schema(example = "3") @NotNull @Min(1) @Max(100) Integer count) {
    }

    public List<String> questionIds() {
        return sections.stream().filter(s -> s.questionIds() != null).flatMap(s -> s.questionIds().stream()).toList();
    }
}
