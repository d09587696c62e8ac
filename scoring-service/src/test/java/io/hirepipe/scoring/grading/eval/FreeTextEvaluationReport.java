package io.hirepipe.scoring.grading.eval;

import io.hirepipe.scoring.grading.FreeTextGrade;
import io.hirepipe.scoring.grading.FreeTextGrade.KeyPointEvidence;
import io.hirepipe.scoring.grading.FreeTextGrade.MisconceptionEvidence;
import io.hirepipe.scoring.grading.SemanticGradingSettings;
import io.hirepipe.scoring.grading.eval.DevSet.Answer;
import io.hirepipe.scoring.grading.eval.DevSet.Split;
import io.hirepipe.scoring.grading.eval.FreeTextEvaluation.Graded;
import io.hirepipe.scoring.grading.eval.FreeTextEvaluation.Report;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The evaluation command (see the README's "Free-text grading"): prints agreement with the hand grades
 * on the test and tune halves. Not part of the normal build: it runs only with {@code -Devaluation=…}.
 * <ul>
 *   <li>{@code -Devaluation=report}: figures under the settings in application.yml</li>
 *   <li>{@code -Devaluation=tune}: also runs the grid search on the tune half and prints the settings it
 *       found, with their figures on both halves</li>
 *   <li>{@code -Devaluation.samples=N}: also prints N test-half answers with grades and evidence</li>
 *   <li>{@code -Devaluation.halves=tune}: the tune half only (for choices the test half must not see)</li>
 *   <li>{@code -Devaluation.model=QUANTIZED|FULL}: the model files to grade with</li>
 * </ul>
 */
@EnabledIfSystemProperty(named = "evaluation", matches = "report|tune")
class FreeTextEvaluationReport {

    @Test
    void printAgreementWithHandGrades() {
        long started = System.nanoTime();
        FreeTextEvaluation evaluation = new FreeTextEvaluation(DevSet.load(), FreeTextEvaluation.applicationSettings());
        SemanticGradingSettings settings = FreeTextEvaluation.applicationSettings();
        StringBuilder out = new StringBuilder("\n=== Free-text grading vs hand grades (dev set) ===\n");
        out.append("settings (application.yml): ").append(settings).append('\n');
        out.append("model: ").append(FreeTextEvaluation.modelVariant()).append('\n');
        // -Devaluation.halves=tune: the tune half only, for choices that must not see the test half
        boolean tuneOnly = "tune".equals(System.getProperty("evaluation.halves"));
        Report test = tuneOnly ? null : evaluation.evaluate(Split.TEST, settings);
        Report tune = evaluation.evaluate(Split.TUNE, settings);
        if (!tuneOnly) {
            appendReport(out, test);
        }
        appendReport(out, tune);
        FreeTextCrossValidation.appendFirstWrittenAndAdded(out, tune.graded(), "");
        out.append("\nbaseline, the lexical (bag-of-stems) grader:\n  ");
        if (!tuneOnly) {
            out.append(evaluation.evaluateLexical(Split.TEST).summary()).append("\n  ");
        }
        out.append(evaluation.evaluateLexical(Split.TUNE).summary()).append('\n');
        appendSecondGrader(out, evaluation.devSet(), tune.graded());
        if ("tune".equals(System.getProperty("evaluation"))) {
            SemanticGradingSettings tuned = evaluation.tune(settings);
            out.append("\n--- grid search on the tune half ---\nbest: ").append(tuned).append('\n');
            out.append(evaluation.evaluate(Split.TUNE, tuned).summary()).append('\n');
            if (!tuneOnly) {
                out.append(evaluation.evaluate(Split.TEST, tuned).summary()).append('\n');
            }
        }
        int samples = Integer.getInteger("evaluation.samples", 0);
        if (samples > 0 && !tuneOnly) {
            appendSamples(out, test.graded(), samples, "sample test-half answers");
        }
        String ids = System.getProperty("evaluation.ids", "");
        if (!ids.isBlank()) {
            List<String> wanted = List.of(ids.split(","));
            List<Graded> chosen = new ArrayList<>();
            tune.graded().stream().filter(g -> wanted.contains(g.answer().id())).forEach(chosen::add);
            (tuneOnly ? List.<Graded>of() : test.graded()).stream().filter(g -> wanted.contains(g.answer().id())).forEach(chosen::add);
            appendSamples(out, chosen, chosen.size(), "answers asked for");
        }
        out.append(String.format("%n(%.1f s)%n", (System.nanoTime() - started) / 1e9));
        System.out.println(out);
    }

    static void appendReport(StringBuilder out, Report r) {
        out.append('\n').append(r.summary()).append('\n').append(r.reviewValue()).append('\n');
        out.append(r.agreement().confusionTable("hand", "machine"));
        out.append("worst disagreements:\n");
        r.graded().stream()
                .sorted(Comparator.comparingDouble((Graded g) -> -Math.abs(g.percent() - 25.0 * g.answer().grade())))
                .limit(8)
                .forEach(g -> out.append(String.format("  %-28s %-15s hand %d  machine %5.1f%% (%d)  %s%n",
                        g.answer().id(), g.answer().category(), g.answer().grade(), g.percent(), g.machineGrade(),
                        g.grade().flags())));
    }

    private static void appendSecondGrader(StringBuilder out, DevSet devSet, List<Graded> tune) {
        appendHumanPair(out, devSet, DevSet.secondGrades(), "grades-second.csv", "48-answer blind sample");
        // The additions are all in the tune half, so the machine's grades of them are at hand: the full comparison.
        DevSet.secondGradesOfAdditions().ifPresentOrElse(
                second -> new SecondGraderComparison(tune, second).appendTo(out, "session-13 additions"),
                () -> out.append("\nno grades-second-added.csv: no human-pair figure for the session-13 additions\n"));
        for (int session : new int[]{17, 18}) {
            DevSet.secondGradesOfAdditionsIn(session).ifPresentOrElse(
                    second -> new SecondGraderComparison(tune, second).appendTo(out, "session-" + session + " additions"),
                    () -> out.append("\nno grades-second-s" + session + ".csv: no human-pair figure for the session-"
                            + session + " additions\n"));
        }
    }

    private static void appendHumanPair(StringBuilder out, DevSet devSet, Optional<Map<String, Integer>> second,
                                        String file, String label) {
        if (second.isEmpty()) {
            out.append(String.format("%nno %s: no human-pair figure for the %s%n", file, label));
            return;
        }
        List<Answer> graded = devSet.answers().stream().filter(a -> second.get().containsKey(a.id())).toList();
        Agreement human = Agreement.of(graded.stream()
                .map(a -> new Agreement.Pair(a.grade(), second.get().get(a.id()))).toList());
        out.append(String.format("%nhuman pair, %s (primary vs second grader, blind): n=%d  QWK=%.3f  exact=%.0f%%  "
                        + "mean |difference|=%.2f grade steps%n", label, human.n(), human.qwk(), 100 * human.exactShare(),
                human.meanAbsoluteDifference()));
        out.append(human.confusionTable("primary", "second"));
        graded.stream().filter(a -> Math.abs(a.grade() - second.get().get(a.id())) >= 2)
                .forEach(a -> out.append(String.format("  two or more apart: %-28s %-15s primary %d  second %d%n",
                        a.id(), a.category(), a.grade(), second.get().get(a.id()))));
    }

    static void appendSamples(StringBuilder out, List<Graded> graded, int count, String title) {
        out.append("\n--- ").append(title).append(" ---\n");
        int step = Math.max(1, graded.size() / count);
        for (int i = 0; i < graded.size() && i / step < count; i += step) {
            Graded g = graded.get(i);
            FreeTextGrade grade = g.grade();
            out.append(String.format("%n[%s] %s%n  answer: %s%n  hand %d | machine %s/%d = %.0f%% -> %d | confidence %.2f%s %s%n",
                    g.answer().id(), g.answer().category(), g.answer().text(), g.answer().grade(), grade.points(),
                    grade.maxPoints(), g.percent(), g.machineGrade(), grade.confidence(),
                    grade.needsReview() ? " NEEDS_REVIEW" : "", grade.flags()));
            for (KeyPointEvidence k : grade.keyPoints()) {
                out.append(String.format("    %-22s %-10s %s sim %.2f%s%n", k.keyPointId(), k.verdict(), k.points(),
                        k.similarity(), k.span() == null ? "" : "  \"" + k.span() + "\""));
            }
            for (MisconceptionEvidence m : grade.misconceptions()) {
                out.append(String.format("    misconception %s -%s sim %.2f \"%s\"%n", m.misconceptionId(), m.penalty(),
                        m.similarity(), m.span()));
            }
        }
    }
}
