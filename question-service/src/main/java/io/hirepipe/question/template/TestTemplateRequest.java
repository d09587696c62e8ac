package io.hirepipe.question.template;

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
        @NotBlank @Size(max = 200) String title,
        @Size(max = 2000) String description,
        @Size(max = 5000) String instructions,
        @NotNull @Min(1) @Max(480) Integer durationMinutes,
        @NotNull @Min(0) @Max(100) Integer passMarkPercent,
        @NotNull @Size(min = 1, max = 20) List<@NotNull @Valid SectionInput> sections,
        Boolean shuffleQuestions,
        Boolean shuffleOptions,
        Boolean draft) {

    public record SectionInput(
            @NotBlank @Size(max = 200) String title,
            @Size(max = 100) List<@NotBlank @Size(max = 64) String> questionIds,
            @Valid PoolInput pool) {
    }

    public record PoolInput(
            @NotBlank @Size(max = 50) String category,
            @Size(max = 10) List<@NotBlank @Size(max = 50) String> tags,
            @Min(1) @Max(5) Integer difficultyMin,
            @Min(1) @Max(5) Integer difficultyMax,
            @NotNull @Min(1) @Max(100) Integer count) {
    }

    public List<String> questionIds() {
        return sections.stream().filter(s -> s.questionIds() != null).flatMap(s -> s.questionIds().stream()).toList();
    }
}
