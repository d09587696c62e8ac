package io.hirepipe.question.bank;

import io.hirepipe.contracts.events.QuestionKind;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * The content of a question as a client writes it (create and replace). Bean validation bounds
 * every size; the rules that depend on the kind live in {@link QuestionRules}.
 *
 * @param points what a choice item is worth (1..100, default 1); for free text, optional and, when
 *               given, must equal the sum of the key points
 */
public record QuestionRequest(
        @NotNull QuestionKind kind,
        @NotBlank @Size(max = 200) String title,
        @NotBlank @Size(max = 5000) String prompt,
        @Size(max = 10) List<@NotNull @Valid Option> options,
        @Size(max = 10) List<@NotBlank @Size(max = 50) String> correctOptionIds,
        @Valid RubricInput rubric,
        Integer points,
        @Size(max = 20) List<@NotBlank @Size(max = 50) String> tags) {

    public record Option(
            @NotBlank @Size(max = 50) String id,
            @NotBlank @Size(max = 1000) String text) {
    }

    public record RubricInput(
            @NotNull @Size(min = 1, max = 20) List<@NotNull @Valid KeyPointInput> keyPoints) {
    }

    public record KeyPointInput(
            @NotBlank @Size(max = 50) String id,
            @Size(max = 1000) String description,
            @NotNull @Size(min = 1, max = 20) List<@NotBlank @Size(max = 200) String> phrases,
            @NotNull @Min(1) @Max(100) Integer points) {
    }
}
