package io.hirepipe.scoring.analysis;

import java.util.List;

/**
 * The options of a choice question version as its answer key knows them.
 *
 * @param optionIds every option in the author's order; empty when the key was stored before options were kept
 */
record ChoiceOptions(List<String> optionIds, List<String> correctOptionIds) {

    static final ChoiceOptions UNKNOWN = new ChoiceOptions(List.of(), List.of());

    ChoiceOptions {
        optionIds = List.copyOf(optionIds);
        correctOptionIds = List.copyOf(correctOptionIds);
    }
}
