package io.hirepipe.scoring.grading.eval;

import io.hirepipe.scoring.grading.SemanticGradingSettings;
import io.hirepipe.scoring.grading.eval.DevSet.Split;
import io.hirepipe.scoring.grading.eval.FreeTextEvaluation.Graded;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.util.List;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Session 18's second attempt (docs/grading.md), on the tune half, its two folds, session 18's new tune answers and the
 * probe set, never the test half: application.yml without and with {@code own-words-weight} at the weight fixed
 * beforehand, 0.75 (a unit's cosine to a key point partly measured on the unit read without the question's own
 * words). Prints the figures of both and which tune-half and probe answers the weight moves. Run with
 * {@code -Devaluation=ownwords}.
 */
@EnabledIfSystemProperty(named = "evaluation", matches = "ownwords")
class FreeTextOwnWordsSweep {

    /** Fixed before session 18's new answers were written; not chosen by this sweep. */
    private static final double WEIGHT = 0.75;

    @Test
    void printTheFiguresWithoutAndWithOwnWords() {
        CandidateFigures figures = new CandidateFigures();
        SemanticGradingSettings yml = figures.settings();
        SemanticGradingSettings off = yml.withOwnWordsWeight(0);
        SemanticGradingSettings on = yml.withOwnWordsWeight(WEIGHT);
        StringBuilder out = new StringBuilder("\n=== own words: tune half, its parts and folds, probe set ===\n");
        out.append(String.format("application.yml's own-words-weight: %.2f%n", yml.ownWordsWeight()));
        for (SemanticGradingSettings candidate : List.of(off, on)) {
            String label = candidate == off ? "without own words (own-words-weight 0)" : "own-words-weight " + WEIGHT;
            figures.append(out, label, candidate);
            List<Graded> tune = figures.dev().evaluate(Split.TUNE, candidate).graded();
            out.append(String.format("  tune without session 18's answers %s%n", FreeTextCrossValidation.figures(
                    tune.stream().filter(g -> g.answer().addedInSession() != 18).toList())));
            appendByKind(out, "  tune by kind (signed error, two decimals):", tune);
            appendByKind(out, "  session 18's answers by kind (signed error):",
                    tune.stream().filter(g -> g.answer().addedInSession() == 18).toList());
        }
        appendMoves(out, figures, "own-words-weight " + WEIGHT, off, on);
        System.out.println(out);
    }

    private static void appendByKind(StringBuilder out, String title, List<Graded> graded) {
        out.append(title);
        graded.stream().collect(Collectors.groupingBy(g -> g.answer().category(), TreeMap::new, Collectors.toList()))
                .forEach((kind, members) -> out.append(String.format(" %s %+.2f (%d)", kind,
                        members.stream().mapToDouble(g -> g.percent() - 25.0 * g.answer().grade()).average().orElse(0),
                        members.size())));
        out.append('\n');
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
                out.append(String.format("  %-28s %-15s hand %d  %5.1f%% (%d) -> %5.1f%% (%d)%s%n", was.answer().id(),
                        was.answer().category(), was.answer().grade(), was.percent(), was.machineGrade(), now.percent(),
                        now.machineGrade(), was.machineGrade() == now.machineGrade() ? ""
                                : Math.abs(now.machineGrade() - now.answer().grade())
                                < Math.abs(was.machineGrade() - was.answer().grade()) ? "  nearer" : "  further"));
            }
        }
    }
}
