package io.hirepipe.scoring.analysis;

import java.util.List;
import java.util.Map;

/**
 * The options of a choice question version as its answer key knows them.
 *
 * @param optionIds every option in the author's order; empty when the key was stored before options were kept
 * @param texts     option id to its text; empty when the key was stored before texts were kept
 */
record ChoiceOptions(List<String> optionIds, List<String> correctOptionIds, Map<String, String> texts) {

    static final ChoiceOptions UNKNOWN = new ChoiceOptions(List.of(), List.of());

    ChoiceOptions {
        optionIds = List.copyOf(optionIds);
        correctOptionIds = List.copyOf(correctOptionIds);
        texts = Map.copyOf(texts);
    }

    ChoiceOptions(List<String> optionIds, List<String> correctOptionIds) {
        this(optionIds, correctOptionIds, Map.of());
    }
}
