package io.hirepipe.assessment.invitation;

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
        String questionId,
        int version,
        QuestionKind kind,
        String title,
        String prompt,
        List<ChoiceOption> options,
        int maxPoints,
        String promptHtml) {

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
