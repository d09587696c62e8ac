package io.hirepipe.scoring.grading;

import io.hirepipe.scoring.grading.AnswerSegmenter.Span;

import java.util.List;
import java.util.Set;

/**
 * An answer as the grader reads it ({@link AnswerReader}), unit by unit: one value for the finders of
 * {@link AnswerEvidenceCollector} to take instead of many parallel lists.
 *
 * @param units     the answer's sentences and clauses, then the positive part of each sentence of mixed polarity
 *                  ({@link PositiveParts}), which has its sentence's span
 * @param texts     [unit] what the unit is read as: its text, or for a positive part the sentence without its denials
 * @param own       how many units the answer itself has: from here on, the positive parts
 * @param negated   [unit] the unit is read as a denial; a removal of what a key point recommends is one
 * @param terms     [unit] the analysed terms of what it is read as
 * @param vectors   [unit] its vector
 * @param truncated the answer was longer than a grader reads; only its start was read
 * @param dismissed the key points each unit sets aside ({@link DismissedKeyPoints})
 */
record AnswerAsRead(List<Span> units, List<String> texts, int own, boolean[] negated, List<Set<String>> terms,
                    List<float[]> vectors, boolean truncated, DismissedKeyPoints.Dismissed dismissed) {

    int size() {
        return units.size();
    }
}
