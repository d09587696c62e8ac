package io.hirepipe.scoring.grading;

import io.hirepipe.contracts.events.ItemStatus;
import io.hirepipe.contracts.events.QuestionKind;

import java.math.BigDecimal;
import java.util.List;

/**
 * One graded answer.
 *
 * @param points             two decimal places, 0..maxPoints
 * @param matchedKeyPointIds for free-text items, the rubric key points the answer met in full; empty otherwise
 * @param title              the question's title as the candidate saw it, passed through from the
 *                           submission; null when an older producer did not send it
 * @param status             UNANSWERED for a blank answer, NEEDS_REVIEW when the grader is unsure
 * @param freeText           the free-text grade with its evidence; null for choice items
 * @param selectedOptionIds  for choice items, the options the candidate picked (for item analysis)
 * @param answerText         for free-text items, what the candidate wrote (for the reviewer); null otherwise
 */
public record GradedItem(String questionId, int questionVersion, QuestionKind kind, BigDecimal points, int maxPoints,
                         List<String> matchedKeyPointIds, String title, ItemStatus status, FreeTextGrade freeText,
                         List<String> selectedOptionIds, String answerText) {

    public GradedItem {
        points = Points.of(points);
        matchedKeyPointIds = matchedKeyPointIds == null ? List.of() : List.copyOf(matchedKeyPointIds);
        status = status == null ? ItemStatus.SCORED : status;
        selectedOptionIds = selectedOptionIds == null ? List.of() : List.copyOf(selectedOptionIds);
    }
}
