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
        int maxPoints) {

    public DeliveredQuestion {
        options = options == null ? List.of() : List.copyOf(options);
    }
}
