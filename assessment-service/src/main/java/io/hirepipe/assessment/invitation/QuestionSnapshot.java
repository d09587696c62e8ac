package io.hirepipe.assessment.invitation;

import io.hirepipe.contracts.events.ChoiceOption;
import io.hirepipe.contracts.events.QuestionKind;

import java.util.List;

/** A question as this session delivered it: no answer key, no rubric. */
public record QuestionSnapshot(
        String questionId,
        int version,
        QuestionKind kind,
        String title,
        String prompt,
        List<ChoiceOption> options,
        int maxPoints) {

    public QuestionSnapshot {
        options = options == null ? List.of() : List.copyOf(options);
    }

    public boolean hasOption(String optionId) {
        return options.stream().anyMatch(o -> o.id().equals(optionId));
    }
}
