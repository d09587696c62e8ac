package io.hirepipe.assessment.questions;

import io.hirepipe.contracts.events.ChoiceOption;
import io.hirepipe.contracts.events.QuestionKind;

import java.util.List;

public record DeliveredQuestion(
        String questionId,
        int version,
        QuestionKind kind,
        String title,
        String prompt,
        List<ChoiceOption> options,
        int maxPoints,
        String promptHtml) {

    public DeliveredQuestion {
        options = options == null ? List.of() : List.copyOf(options);
    }

    /** Without the rendered prompt, as question-service delivered before prompts were Markdown. */
    public DeliveredQuestion(String questionId, int version, QuestionKind kind, String title, String prompt,
            List<ChoiceOption> options, int maxPoints) {
        this(questionId, version, kind, title, prompt, options, maxPoints, null);
    }
}
