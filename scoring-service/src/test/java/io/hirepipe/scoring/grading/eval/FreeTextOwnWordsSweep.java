package io.hirepipe.scoring.grading.eval;

import io.hirepipe.scoring.grading.SemanticGradingSettings;
import io.hirepipe.scoring.grading.eval.DevSet.Split;
import io.hirepipe.scoring.grading.eval.FreeTextEvaluation.Graded;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.util.List;

/**
 * Session 18's experiment (docs/grading.md), on the tune half, its two folds and the probe set, never the test half:
 * A, {@code own-words-weight} (a unit's cosine to a key point partly measured on the unit read without the question's
 * own words), from a grid picked by {@link #objective} on the tune half (a tie to the smaller weight), each fold's own
 * pick applied to the other fold; B, {@code term-run-evidence-cap} fixed at 0.7 (a run of terms gives a key point at
 * most that on its own); and the pair. Prints which tune-half and probe answers each moves. Run with
 * {@code -Devaluation=ownwords}.
 */
@EnabledIfSystemProperty(named = "evaluation", matches = "ownwords")
class FreeTextOwnWordsSweep {

    private static final double[] WEIGHTS = {0.25, 0.5, 0.75, 1.0};
    private static final double TERM_RUN_CAP = 0.7;

    @Test
    void printTheFiguresForEachCandidate() {
        CandidateFigures figures = new CandidateFigures();
        SemanticGradingSettings off = figures.settings();
        StringBuilder out = new StringBuilder("\n=== own words (A) and term runs (B): tune half, its folds, probe set ===\n");
        figures.append(out, "application.yml", off);
        for (double w : WEIGHTS) {
            figures.append(out, "A, own-words-weight " + w, off.withOwnWordsWeight(w));
        }
        SemanticGradingSettings b = off.withTermRunEvidenceCap(TERM_RUN_CAP);
        figures.append(out, "B, term-run-evidence-cap " + TERM_RUN_CAP, b);

        List<Graded> tuneOff = figures.dev().evaluate(Split.TUNE, off).graded();
        List<String> questions = tuneOff.stream().map(g -> g.answer().questionKey()).distinct().sorted().toList();
        double pick = pick(figures, off, questions, -1, out, "tune half");
        out.append(String.format("A: the tune half picks %.2f%n", pick));
        out.append("\n--- stability: each fold's own pick, applied to the other fold ---\n");
        for (int fold = 0; fold < 2; fold++) {
            int other = 1 - fold;
            double own = pick(figures, off, questions, fold, out, "fold " + "AB".charAt(fold));
            List<Graded> otherOff = inFold(tuneOff, questions, other);
            List<Graded> otherAtPick = inFold(figures.dev().evaluate(Split.TUNE, off.withOwnWordsWeight(own)).graded(),
                    questions, other);
            out.append(String.format("fold %s picks %.2f; fold %s there: QWK %.3f -> %.3f, MAE %.2f -> %.2f: %s%n",
                    "AB".charAt(fold), own, "AB".charAt(other), qwk(otherOff), qwk(otherAtPick), mae(otherOff),
                    mae(otherAtPick), mae(otherAtPick) > mae(otherOff) ? "WORSE (fails out of sample)" : "not worse"));
        }
        SemanticGradingSettings a = off.withOwnWordsWeight(pick);
        SemanticGradingSettings pair = a.withTermRunEvidenceCap(TERM_RUN_CAP);
        figures.append(out, String.format("A at %.2f with B", pick), pair);

        appendMoves(out, figures, "A at " + pick, off, a);
        appendMoves(out, figures, "B", off, b);
        appendMoves(out, figures, "A with B", off, pair);
        System.out.println(out);
    }

    /** The weight with the best objective on the tune half (fold -1) or one fold; a tie goes to the smaller weight. */
    private static double pick(CandidateFigures figures, SemanticGradingSettings off, List<String> questions, int fold,
                               StringBuilder out, String label) {
        double bestWeight = Double.NaN;
        double best = Double.NEGATIVE_INFINITY;
        for (double w : WEIGHTS) {
            List<Graded> graded = figures.dev().evaluate(Split.TUNE, off.withOwnWordsWeight(w)).graded();
            double objective = objective(fold < 0 ? graded : inFold(graded, questions, fold));
            out.append(String.format("  %s, weight %.2f: objective %.4f%n", label, w, objective));
            if (objective > best + 1e-12) {
                best = objective;
                bestWeight = w;
            }
        }
        List<Graded> none = figures.dev().evaluate(Split.TUNE, off).graded();
        out.append(String.format("  %s without A: objective %.4f%n", label,
                objective(fold < 0 ? none : inFold(none, questions, fold))));
        return bestWeight;
    }

    private static List<Graded> inFold(List<Graded> graded, List<String> questions, int fold) {
        return graded.stream().filter(g -> questions.indexOf(g.answer().questionKey()) % 2 == fold).toList();
    }

    private static double objective(List<Graded> graded) {
        return qwk(graded) - 0.005 * mae(graded);
    }

    private static double qwk(List<Graded> graded) {
        return Agreement.of(graded.stream().map(g -> new Agreement.Pair(g.answer().grade(), g.machineGrade())).toList())
                .qwk();
    }

    private static double mae(List<Graded> graded) {
        return graded.stream().mapToDouble(g -> Math.abs(g.percent() - 25.0 * g.answer().grade())).average().orElse(0);
    }

    private static void appendMoves(StringBuilder out, CandidateFigures figures, String label,
                                    SemanticGradingSettings before, SemanticGradingSettings after) {
        out.append(String.format("%n--- tune-half answers %s moves ---%n", label));
        moves(out, figures.dev().evaluate(Split.TUNE, before).graded(), figures.dev().evaluate(Split.TUNE, after).graded());
        out.append(String.format("--- probe answers %s moves ---%n", label));
        moves(out, figures.probe().evaluate(Split.PROBE, before).graded(),
                figures.probe().evaluate(Split.PROBE, after).graded());
    }

    private static void moves(StringBuilder out, List<Graded> before, List<Graded> after) {
        for (int i = 0; i < before.size(); i++) {
            Graded was = before.get(i);
            Graded now = after.get(i);
            if (Math.abs(was.percent() - now.percent()) > 1e-9) {
                out.append(String.format("  %-28s %-15s hand %d  %5.1f%% (%d) -> %5.1f%% (%d)%n", was.answer().id(),
                        was.answer().category(), was.answer().grade(), was.percent(), was.machineGrade(), now.percent(),
                        now.machineGrade()));
            }
        }
    }
}
