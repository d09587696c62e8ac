package io.hirepipe.scoring.grading;

import io.hirepipe.scoring.grading.FreeTextGrade.MisconceptionEvidence;

import java.util.ArrayList;
import java.util.List;

import static io.hirepipe.scoring.grading.GradeFigures.clamp01;
import static io.hirepipe.scoring.grading.GradeFigures.round2;

/**
 * Finds the misconceptions an answer states, what each costs, and the units they take with them, which are evidence
 * for no key point ({@link SemanticGradingPolicy}'s class comment: "A misconception is stated when …"). Pure.
 */
final class StatedMisconceptions {

    /** One step of the 0–4 grade as a share of an item's points: grade = round(percent / 25). */
    static final double GRADE_STEP_SHARE = 0.25;

    private final SemanticGradingSettings s;

    StatedMisconceptions(SemanticGradingSettings settings) {
        this.s = settings;
    }

    /**
     * The misconceptions an answer states.
     *
     * @param units     [unit] set aside by a misconception it states, or that its sentence states in so many words
     * @param evidence  each misconception stated, with the unit nearest it and what it costs
     * @param penalties what they cost together
     */
    record Found(boolean[] units, List<MisconceptionEvidence> evidence, double penalties) {
    }

    /**
     * What stating {@code misconception} costs: its penalty points, and at least one grade step of the 0–4 scale (a
     * quarter of the item's points). The grading guide takes a grade step off what the rest of the answer earns for a
     * misconception; a rubric's penalty of 1 point of 7 took off half of one, so a right point beside a wrong claim kept
     * the grade the right point alone would earn.
     */
    static double misconceptionCost(FreeTextRubric.Misconception misconception, int maxPoints) {
        return Math.max(misconception.penaltyPoints(), GRADE_STEP_SHARE * maxPoints);
    }

    Found in(AnswerEvidence e, FreeTextRubric rubric) {
        boolean[] wrong = new boolean[e.units().size()];
        List<MisconceptionEvidence> misconceptions = new ArrayList<>();
        double penalties = 0;
        for (int m = 0; m < rubric.misconceptions().size(); m++) {
            FreeTextRubric.Misconception misconception = rubric.misconceptions().get(m);
            int hit = -1;
            double bestSim = 0;
            for (int u = 0; u < e.units().size(); u++) {
                double sim = e.misconceptionSimilarity()[m][u];
                if (statesMisconception(e, m, u)) {
                    markMisconceptionUnits(e, m, u, wrong);
                    if (hit < 0 || sim > bestSim) {
                        hit = u;
                        bestSim = sim;
                    }
                }
            }
            if (hit >= 0) {
                double cost = misconceptionCost(misconception, rubric.maxPoints());
                penalties += cost;
                misconceptions.add(new MisconceptionEvidence(misconception.id(), misconception.description(),
                        Points.of(cost), e.units().get(hit).text(), round2(clamp01(bestSim))));
            }
        }
        return new Found(wrong, misconceptions, penalties);
    }

    /**
     * The units set aside because they, or a clause of theirs, state one of the rubric's misconceptions, or because they
     * share a sentence with a unit that states one in so many words.
     */
    boolean[] misconceptionUnits(AnswerEvidence e) {
        boolean[] wrong = new boolean[e.units().size()];
        for (int m = 0; m < e.misconceptionSimilarity().length; m++) {
            for (int u = 0; u < wrong.length; u++) {
                if (statesMisconception(e, m, u)) {
                    markMisconceptionUnits(e, m, u, wrong);
                }
            }
        }
        return wrong;
    }

    /** Unit u meets misconception m: by its phrase, or closer to it than to any key point and above misconception-at. */
    private boolean statesMisconception(AnswerEvidence e, int m, int u) {
        return statesMisconceptionInWords(e, m, u) || e.misconceptionPhrase()[m][u];
    }

    /** Unit u is closer to misconception m's statement than to any key point, and at least misconception-at close. */
    private boolean statesMisconceptionInWords(AnswerEvidence e, int m, int u) {
        double sim = e.misconceptionSimilarity()[m][u];
        return sim >= s.misconceptionAt() && sim > nearestKeyPoint(e.keyPointSimilarity(), u);
    }

    /**
     * Sets aside the units that misconception m's statement by unit u takes with it. A unit that states it in so many
     * words (its cosine to the statement reaches misconception-at and beats every key point) takes its whole sentence:
     * the sentence's other clauses give the wrong claim's reason or consequence ("POST is idempotent too, since posting
     * the same payment twice just returns the same resource"; "Sharding takes that further: every node gets a copy of
     * all the data"), not a right point of their own. A unit that holds only the misconception's phrase takes the units
     * that contain it, as before: a phrase's words may fall in different clauses ("GET and DELETE are idempotent, but
     * POST is not"), so it says less about what each clause states (docs/grading.md, session 33).
     */
    private void markMisconceptionUnits(AnswerEvidence e, int m, int u, boolean[] marks) {
        List<AnswerSegmenter.Span> units = e.units();
        if (!statesMisconceptionInWords(e, m, u)) {
            markWithEnclosing(units, u, marks);
            return;
        }
        // the units that enclose u (its sentence, and that sentence's positive part) all lie within the sentence
        AnswerSegmenter.Span inner = units.get(u);
        int start = inner.start();
        int end = inner.end();
        for (AnswerSegmenter.Span outer : units) {
            if (outer.encloses(inner)) {
                start = Math.min(start, outer.start());
                end = Math.max(end, outer.end());
            }
        }
        AnswerSegmenter.Span sentence = new AnswerSegmenter.Span(null, start, end);
        for (int i = 0; i < units.size(); i++) {
            marks[i] |= KeyPointCredit.overlaps(units.get(i), sentence);
        }
    }

    /** Marks unit u and every unit whose span encloses it (the sentence around a clause). */
    private static void markWithEnclosing(List<AnswerSegmenter.Span> units, int u, boolean[] marks) {
        AnswerSegmenter.Span inner = units.get(u);
        for (int i = 0; i < units.size(); i++) {
            AnswerSegmenter.Span outer = units.get(i);
            if (outer.encloses(inner)) {
                marks[i] = true;
            }
        }
    }

    private static double nearestKeyPoint(double[][] similarity, int u) {
        double nearest = 0;
        for (double[] perUnit : similarity) {
            nearest = Math.max(nearest, perUnit[u]);
        }
        return nearest;
    }
}
