package io.hirepipe.scoring.grading.eval;

import io.hirepipe.scoring.grading.AnswerEvidenceCollector;
import io.hirepipe.scoring.grading.AnswerEvidenceCollector.MixedSentences;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.util.Map;
import java.util.TreeMap;

/** EXPERIMENT (session 16): how a negated sentence with a positive clause is compared. {@code -Devaluation=mixed}. */
@EnabledIfSystemProperty(named = "evaluation", matches = "mixed")
class FreeTextMixedSentenceSweep {

    @Test
    void printTheFiguresForEachRule() {
        StringBuilder out = new StringBuilder("\n=== mixed-polarity sentences: tune half, its folds, probe set ===\n");
        Map<String, Double> baseline = new TreeMap<>();
        Map<String, String> baseKps = new TreeMap<>();
        try {
            for (MixedSentences mode : MixedSentences.values()) {
                AnswerEvidenceCollector.mixedSentences = mode;
                CandidateFigures figures = new CandidateFigures();
                figures.append(out, mode.name(), figures.settings());
                Map<String, Double> now = new TreeMap<>();
                Map<String, String> kps = new TreeMap<>();
                java.util.function.Consumer<FreeTextEvaluation.Graded> keep = g -> {
                    String id = (g.answer().split() == DevSet.Split.PROBE ? "probe " : "tune  ") + g.answer().id() + " "
                            + g.answer().category() + " hand " + g.answer().grade();
                    now.put(id, g.percent());
                    StringBuilder b = new StringBuilder();
                    g.grade().keyPoints().forEach(k -> b.append(String.format("        %-24s %-10s %.2f %s%n", k.keyPointId(),
                            k.verdict(), k.similarity(), k.span() == null ? "" : "\"" + k.span() + "\"")));
                    g.grade().misconceptions().forEach(m -> b.append("        misconception ").append(m.misconceptionId())
                            .append(" \"").append(m.span()).append("\"\n"));
                    kps.put(id, b.toString());
                };
                figures.dev().evaluate(DevSet.Split.TUNE, figures.settings()).graded().forEach(keep);
                new FreeTextEvaluation(DevSet.probeSet(), figures.settings())
                        .evaluate(DevSet.Split.PROBE, figures.settings()).graded().forEach(keep);
                if (baseline.isEmpty()) {
                    baseline.putAll(now);
                    baseKps.putAll(kps);
                } else {
                    now.forEach((id, p) -> {
                        if (Math.abs(p - baseline.get(id)) > 0.05) {
                            out.append(String.format("    %-50s %5.1f -> %5.1f%n", id, baseline.get(id), p));
                            if (Boolean.getBoolean("evaluation.detail")) {
                                out.append("      before:\n").append(baseKps.get(id)).append("      after:\n").append(kps.get(id));
                            }
                        }
                    });
                }
                System.out.println(out);
                out.setLength(0);
            }
        } finally {
            AnswerEvidenceCollector.mixedSentences = MixedSentences.NEGATED;
        }
    }
}
