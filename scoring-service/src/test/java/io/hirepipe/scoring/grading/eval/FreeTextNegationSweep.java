package io.hirepipe.scoring.grading.eval;

import io.hirepipe.scoring.grading.AnswerEvidenceCollector;
import io.hirepipe.scoring.grading.AnswerEvidenceCollector.MixedSentences;
import io.hirepipe.scoring.grading.NegationDetector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** EXPERIMENT (session 15): how a negated sentence with a positive clause is compared. {@code -Devaluation=negation}. */
@EnabledIfSystemProperty(named = "evaluation", matches = "negation")
class FreeTextNegationSweep {

    @Test
    void printTheFiguresForEachRule() {
        StringBuilder out = new StringBuilder("\n=== mixed-polarity sentences: tune half, its folds, probe set ===\n");
        String only = System.getProperty("evaluation.candidates", "");
        java.util.Map<String, Double> baseline = new java.util.TreeMap<>();
        java.util.Map<String, String> baseKps = new java.util.TreeMap<>();
        for (int variant = 0; variant < 4; variant++) {
            boolean focus = variant % 2 == 1;
            boolean result = variant >= 2;
            for (MixedSentences mode : MixedSentences.values()) {
                String label = mode + (focus ? " + ellipsis" : "") + (result ? " + result scope" : "");
                if (!only.isBlank() && !java.util.List.of(only.split(";")).contains(label)) {
                    continue;
                }
                AnswerEvidenceCollector.mixedSentences = mode;
                AnswerEvidenceCollector.ellipsisGuard = focus;
                NegationDetector.resultScope = result;
                CandidateFigures figures = new CandidateFigures();
                figures.append(out, label, FreeTextEvaluation.applicationSettings());
                java.util.Map<String, Double> now = new java.util.TreeMap<>();
                java.util.Map<String, String> kps = new java.util.TreeMap<>();
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
                figures.probe().evaluate(DevSet.Split.PROBE, figures.settings()).graded().forEach(keep);
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
            }
        }
        AnswerEvidenceCollector.mixedSentences = MixedSentences.NEGATED;
        AnswerEvidenceCollector.ellipsisGuard = false;
        NegationDetector.resultScope = false;
        io.hirepipe.scoring.grading.AnswerSegmenter seg = new io.hirepipe.scoring.grading.AnswerSegmenter();
        NegationDetector neg = new NegationDetector();
        java.util.Map<String, int[]> counts = new java.util.TreeMap<>();
        for (DevSet set : java.util.List.of(DevSet.load(), DevSet.probeSet())) {
            for (DevSet.Answer a : set.answers()) {
                if (a.split() == DevSet.Split.TEST || a.text() == null) {
                    continue;
                }
                var units = seg.units(a.text());
                var clauses = AnswerEvidenceCollector.clausesOf(units);
                int[] c = counts.computeIfAbsent(a.split() + " " + a.category(), k -> new int[3]);
                c[0]++;
                boolean any = false;
                for (int u = 0; u < units.size(); u++) {
                    boolean sentenceNegated = neg.isNegated(units.get(u).text());
                    boolean anyNeg = clauses.get(u).stream().anyMatch(i -> neg.isNegated(units.get(i).text()));
                    boolean anyPos = clauses.get(u).stream().anyMatch(i -> !neg.isNegated(units.get(i).text()));
                    if (sentenceNegated && anyNeg && anyPos) {
                        c[1]++;
                        any = true;
                        if (Boolean.getBoolean("evaluation.detail")) {
                            out.append("    mixed ").append(a.id()).append(": ").append(units.get(u).text()).append('\n');
                        }
                    }
                }
                c[2] += any ? 1 : 0;
            }
        }
        counts.forEach((k, c) -> out.append(String.format("  %-28s answers %3d, mixed sentences %3d, in %3d answers%n", k, c[0], c[1], c[2])));
        System.out.println(out);
    }
}
