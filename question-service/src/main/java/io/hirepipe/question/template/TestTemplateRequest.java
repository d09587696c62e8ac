package io.hirepipe.question.template;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/** A new test; the total of 1..100 distinct questions across sections is checked by the service. */
record TestTemplateRequest(
        @NotBlank @Size(max = 200) String title,
        @Size(max = 2000) String description,
        @NotNull @Min(1) @Max(480) Integer durationMinutes,
        @NotNull @Min(0) @Max(100) Integer passMarkPercent,
        @NotNull @Size(min = 1, max = 20) List<@NotNull @Valid SectionInput> sections) {

    record SectionInput(
            @NotBlank @Size(max = 200) String title,
            @NotNull @Size(min = 1, max = 100) List<@NotBlank @Size(max = 64) String> questionIds) {
    }

    List<String> questionIds() {
        return sections.stream().flatMap(s -> s.questionIds().stream()).toList();
    }
}
