package io.hirepipe.assessment.invitation;

import io.swagger.v3.oas.annotations.media.Schema;
import io.hirepipe.contracts.events.ChoiceOption;
import io.hirepipe.contracts.events.QuestionKind;

import java.util.List;

/**
 * A question as this session delivered it: no answer key, no rubric.
 *
 * @param promptHtml the prompt as question-service rendered and sanitised it from Markdown; null in
 *                   sessions started before, whose pages show the plain prompt
 */
public record QuestionSnapshot(
        @Schema(example = "q_4GkR7wP2xYb9LmN3") String questionId,
        @Schema(example = "2") int version,
        QuestionKind kind,
        @Schema(example = "Design a rate limiter") String title,
        @Schema(example = "How would you limit each API client to 100 requests per minute across several instances?") String prompt,
        List<ChoiceOption> options,
        @Schema(example = "40") int maxPoints,
        @Schema(example = "<p>How would you limit each API client to <strong>100 requests per minute</strong> across several instances?</p>") String promptHtml) {

    public QuestionSnapshot {
        options = options == null ? List.of() : List.copyOf(options);
    }

    /** Without the rendered prompt, as question-service delivered before prompts were Markdown. */
    public QuestionSnapshot(String questionId, int version, QuestionKind kind, String title, String prompt,
            List<ChoiceOption> options, int maxPoints) {
        this(questionId, version, kind, title, prompt, options, maxPoints, null);
    }

    public boolean hasOption(String optionId) {
        return options.stream().anyMatch(o -> o.id().equals(optionId));
    }
}
