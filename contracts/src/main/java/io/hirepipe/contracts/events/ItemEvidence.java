package io.hirepipe.contracts.events;

import java.util.List;

/**
 * Why a free-text item scored what it did, in brief: the rubric key points the answer met, partly
 * met and missed, and the misconceptions it stated. The full evidence (answer spans, similarities)
 * stays in scoring-service's result.
 *
 * @param confidence    0..1, how sure the grader is of the item's points; null when not given
 * @param reviewReasons why the grader asked for a person, one sentence each, while the item awaits one; empty otherwise
 *                      and in events from before AssessmentScored v4
 */
public record ItemEvidence(List<Point> met, List<Point> partlyMet, List<Point> missed, List<Point> misconceptions,
                           Double confidence, List<String> reviewReasons) {

    public ItemEvidence {
        reviewReasons = reviewReasons == null ? List.of() : List.copyOf(reviewReasons);
        met = met == null ? List.of() : List.copyOf(met);
        partlyMet = partlyMet == null ? List.of() : List.copyOf(partlyMet);
        missed = missed == null ? List.of() : List.copyOf(missed);
        misconceptions = misconceptions == null ? List.of() : List.copyOf(misconceptions);
    }

    /** Evidence of an item that awaits no review. */
    public ItemEvidence(List<Point> met, List<Point> partlyMet, List<Point> missed, List<Point> misconceptions,
                        Double confidence) {
        this(met, partlyMet, missed, misconceptions, confidence, List.of());
    }

    /** A key point or misconception: its rubric id and what it says. */
    public record Point(String id, String description) {
    }
}
