package io.hirepipe.scoring.grading.eval;

import io.hirepipe.scoring.grading.eval.DevSet.Split;
import io.hirepipe.scoring.grading.eval.FreeTextEvaluation.Graded;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.util.List;

/**
 * Session 19's candidate (docs/grading.md), on the tune half, its two folds and the probe set, never the test half:
 * application.yml with every unit run through the model, and with a sentence of several clauses composed from its
 * clauses' vectors. Prints the figures of both and which answers the composition moves. Run with
 * {@code -Devaluation=compose}.
 */
@EnabledIfSystemProperty(named = "evaluation", matches = "compose")
class FreeTextComposedSentenceSweep {

    @Test
    void printTheFiguresWithAndWithoutComposition() {
        CandidateFigures run = new CandidateFigures(false);
        CandidateFigures composed = new CandidateFigures(true);
        StringBuilder out = new StringBuilder("\n=== sentences composed from clauses: tune half, folds, probe set ===\n");
        run.append(out, "every unit run through the model (main)", run.settings());
        composed.append(out, "sentences of several clauses composed from their clauses", composed.settings());
        out.append(String.format("%n--- tune-half answers the composition moves ---%n"));
        moves(out, run.dev().evaluate(Split.TUNE, run.settings()).graded(),
                composed.dev().evaluate(Split.TUNE, composed.settings()).graded());
        out.append(String.format("--- probe answers the composition moves ---%n"));
        moves(out, run.probe().evaluate(Split.PROBE, run.settings()).graded(),
                composed.probe().evaluate(Split.PROBE, composed.settings()).graded());
        System.out.println(out);
    }

    private static void moves(StringBuilder out, List<Graded> before, List<Graded> after) {
        for (int i = 0; i < before.size(); i++) {
            Graded was = before.get(i);
            Graded now = after.get(i);
            if (Math.abs(was.percent() - now.percent()) > 1e-9) {
                out.append(String.format("  %-28s %-15s hand %d  %5.1f%% (%d) -> %5.1f%% (%d)%s%n", was.answer().id(),
                        was.answer().category(), was.answer().grade(), was.percent(), was.machineGrade(), now.percent(),
                        now.machineGrade(), was.machineGrade() == now.machineGrade() ? ""
                                : Math.abs(now.machineGrade() - now.answer().grade())
                                < Math.abs(was.machineGrade() - was.answer().grade()) ? "  nearer" : "  further"));
            }
        }
    }
}
