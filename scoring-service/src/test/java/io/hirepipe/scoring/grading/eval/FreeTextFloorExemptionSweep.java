package io.hirepipe.scoring.grading.eval;

import io.hirepipe.scoring.grading.SemanticGradingSettings;
import io.hirepipe.scoring.grading.eval.DevSet.Split;
import io.hirepipe.scoring.grading.eval.FreeTextEvaluation.Graded;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.util.List;

/**
 * Session 17's experiment (docs/grading.md): the floor exemption ({@code floor-exemption-margin}: a unit under
 * {@code unit-on-topic-at} still counts for key point k when its cosine to k exceeds its cosine to the prompt by the
 * margin) on the tune half, its two folds and the probe set, never the test half. The margin was fixed at 0.225 before
 * anything ran; the other values are there only for the stability check: each fold's own pick (by
 * {@link FreeTextEvaluation#objective}, a tie to the larger margin) applied to the other fold. Also prints which
 * tune-half and probe answers the fixed margin moves. Run with {@code -Devaluation=exemption}.
 */
@EnabledIfSystemProperty(named = "evaluation", matches = "exemption")
class FreeTextFloorExemptionSweep {

    private static final double FIXED = 0.225;
    private static final double[] MARGINS = {0.15, 0.175, 0.2, 0.225, 0.25, 0.275, 0.3};

    @Test
    void printTheFiguresForEachMargin() {
        CandidateFigures figures = new CandidateFigures();
        SemanticGradingSettings off = figures.settings();
        StringBuilder out = new StringBuilder("\n=== floor exemption: tune half, its folds, probe set ===\n");
        figures.append(out, "application.yml (no exemption)", off);
        for (double margin : MARGINS) {
            figures.append(out, "margin " + margin + (margin == FIXED ? " (fixed beforehand)" : ""),
                    off.withFloorExemptionMargin(margin));
        }

        List<Graded> tuneOff = figures.dev().evaluate(Split.TUNE, off).graded();
        List<String> questions = tuneOff.stream().map(g -> g.answer().questionKey()).distinct().sorted().toList();
        out.append("\n--- stability: each fold's own pick, applied to the other fold ---\n");
        for (int fold = 0; fold < 2; fold++) {
            int own = fold;
            int other = 1 - fold;
            double bestMargin = Double.NaN;
            double best = Double.NEGATIVE_INFINITY;
            for (double margin : MARGINS) {
                double objective = objective(inFold(figures.dev().evaluate(Split.TUNE,
                        off.withFloorExemptionMargin(margin)).graded(), questions, own));
                out.append(String.format("  fold %s, margin %.3f: objective %.4f%n", "AB".charAt(own), margin, objective));
                if (objective >= best) {
                    best = objective;
                    bestMargin = margin;
                }
            }
            List<Graded> otherOff = inFold(tuneOff, questions, other);
            List<Graded> otherAtPick = inFold(figures.dev().evaluate(Split.TUNE,
                    off.withFloorExemptionMargin(bestMargin)).graded(), questions, other);
            double maeOff = mae(otherOff);
            double maeAtPick = mae(otherAtPick);
            out.append(String.format("fold %s picks %.3f (objective %.4f; without the exemption %.4f); fold %s there: "
                            + "QWK %.3f -> %.3f, MAE %.2f -> %.2f: %s%n",
                    "AB".charAt(own), bestMargin, best, objective(inFold(tuneOff, questions, own)), "AB".charAt(other),
                    qwk(otherOff), qwk(otherAtPick), maeOff, maeAtPick,
                    maeAtPick > maeOff ? "WORSE (fails out of sample)" : "not worse"));
        }

        out.append(String.format("%n--- tune-half answers the fixed margin (%.3f) moves ---%n", FIXED));
        appendMoves(out, tuneOff, figures.dev().evaluate(Split.TUNE, off.withFloorExemptionMargin(FIXED)).graded());
        out.append(String.format("--- probe answers the fixed margin moves ---%n"));
        appendMoves(out, figures.probe().evaluate(Split.PROBE, off).graded(),
                figures.probe().evaluate(Split.PROBE, off.withFloorExemptionMargin(FIXED)).graded());
        System.out.println(out);
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

    private static void appendMoves(StringBuilder out, List<Graded> before, List<Graded> after) {
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
