package io.hirepipe.scoring.grading.eval;

import io.hirepipe.scoring.grading.SemanticGradingSettings;
import io.hirepipe.scoring.grading.eval.DevSet.Split;
import io.hirepipe.scoring.grading.eval.FreeTextEvaluation.Graded;
import io.hirepipe.scoring.grading.eval.FreeTextEvaluation.Report;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The probe set's report (README, "Free-text grading"): how the grader does on starter-bank questions and
 * answer styles it was never tuned on. The same figures as the dev set's report, on every probe answer, plus
 * the error per answer category and per question, and the two human graders side by side with the machine against
 * each ({@link SecondGraderComparison}). Report only: nothing is tuned on it and no build fails
 * on it. Runs only with {@code -Devaluation=probe}; {@code -Devaluation.probeSet=probeset-rest} reports the second
 * probe set instead of the first, and {@code -Devaluation.rubrics=bank} grades it with the starter bank's rubrics as they
 * are now instead of its frozen copies (what a rubric edit does); {@code -Devaluation.samples=N} and
 * {@code -Devaluation.ids=a,b} print answers with their evidence, as the dev set's report does.
 */
@EnabledIfSystemProperty(named = "evaluation", matches = "probe")
class FreeTextProbeReport {

    @Test
    void printAgreementWithHandGradesOnTheProbeSet() {
        SemanticGradingSettings settings = FreeTextEvaluation.applicationSettings();
        String set = System.getProperty("evaluation.probeSet", DevSet.DEFAULT_PROBE_SET);
        boolean banksRubrics = "bank".equals(System.getProperty("evaluation.rubrics"));
        DevSet answers = banksRubrics ? DevSet.probeSet(set).withTheBanksRubrics() : DevSet.probeSet(set);
        FreeTextEvaluation evaluation = new FreeTextEvaluation(answers, settings);
        Report probe = evaluation.evaluate(Split.PROBE, settings);
        StringBuilder out = new StringBuilder("\n=== Free-text grading vs hand grades (" + set
                + (banksRubrics ? ", the starter bank's rubrics as they are now" : ", its frozen rubrics") + ") ===\n");
        out.append("settings (application.yml): ").append(settings).append('\n');
        out.append("model: ").append(FreeTextEvaluation.modelVariant()).append('\n');
        FreeTextEvaluationReport.appendReport(out, probe);
        out.append("by category:\n");
        appendGroups(out, probe.graded(), g -> g.answer().category());
        out.append("by question:\n");
        appendGroups(out, probe.graded(), g -> g.answer().questionKey());
        out.append("every wrong grade:\n");
        FreeTextCrossValidation.appendWrongGrades(out, probe.graded());
        out.append("\nbaseline, the lexical (bag-of-stems) grader:\n  ")
                .append(evaluation.evaluateLexical(Split.PROBE).summary()).append('\n');
        DevSet.probeSecondGrades(set).ifPresentOrElse(
                second -> new SecondGraderComparison(probe.graded(), second).appendTo(out, set),
                () -> out.append("\nno " + set + "/grades-second.csv: no human-pair figure\n"));
        int samples = Integer.getInteger("evaluation.samples", 0);
        if (samples > 0) {
            FreeTextEvaluationReport.appendSamples(out, probe.graded(), samples, "sample probe answers");
        }
        List<String> wanted = List.of(System.getProperty("evaluation.ids", "").split(","));
        List<Graded> chosen = probe.graded().stream().filter(g -> wanted.contains(g.answer().id())).toList();
        if (!chosen.isEmpty()) {
            FreeTextEvaluationReport.appendSamples(out, chosen, chosen.size(), "answers asked for");
        }
        System.out.println(out);
    }

    private static void appendGroups(StringBuilder out, List<Graded> graded, Function<Graded, String> key) {
        Map<String, List<Graded>> groups = graded.stream().collect(Collectors.groupingBy(key, TreeMap::new, Collectors.toList()));
        groups.forEach((name, members) -> out.append(String.format("  %-24s %s%n", name, FreeTextCrossValidation.figures(members))));
    }
}
