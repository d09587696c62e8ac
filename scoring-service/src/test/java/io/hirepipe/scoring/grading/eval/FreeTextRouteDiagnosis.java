package io.hirepipe.scoring.grading.eval;

import io.hirepipe.scoring.grading.AnswerEvidence;
import io.hirepipe.scoring.grading.AnswerSegmenter.Span;
import io.hirepipe.scoring.grading.FreeTextGrade.KeyPointEvidence;
import io.hirepipe.scoring.grading.FreeTextGrade.Verdict;
import io.hirepipe.scoring.grading.FreeTextRubric;
import io.hirepipe.scoring.grading.SemanticFreeTextGrader;
import io.hirepipe.scoring.grading.SemanticGradingPolicy;
import io.hirepipe.scoring.grading.SemanticGradingSettings;
import io.hirepipe.scoring.grading.eval.DevSet.Split;
import io.hirepipe.scoring.grading.eval.FreeTextEvaluation.Graded;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Temporary (session 18 diagnosis, tune half only): how each credited key point gets its credit, per kind. */
@EnabledIfSystemProperty(named = "evaluation", matches = "routes")
class FreeTextRouteDiagnosis {

    @Test
    void routes() {
        SemanticGradingSettings s = FreeTextEvaluation.applicationSettings();
        FreeTextEvaluation evaluation = new FreeTextEvaluation(DevSet.load(), s);
        SemanticGradingPolicy policy = new SemanticGradingPolicy(s);
        List<Graded> tune = evaluation.evaluate(Split.TUNE, s).graded();
        // kind -> counts: 0 answers,1 MET,2 MET needs phrase,3 MET needs support,4 PART,5 PART needs phrase,
        // 6 PART needs support, 7 MET via list-like best unit, 8 PART via list-like, 9 MET best unit no own verb-ish words
        Map<String, double[]> byKind = new TreeMap<>();
        StringBuilder detail = new StringBuilder();
        for (Graded g : tune) {
            if (SemanticFreeTextGrader.isBlank(g.answer().text())) {
                continue;
            }
            FreeTextRubric rubric = evaluation.devSet().rubrics().get(g.answer().questionKey());
            AnswerEvidence e = evaluation.grader().evidence(g.answer().text(), rubric);
            double[] c = byKind.computeIfAbsent(g.answer().category(), x -> new double[12]);
            c[0]++;
            c[10] += g.percent() - 25.0 * g.answer().grade();
            boolean[] wrong = policy.misconceptionUnits(e);
            int n = e.units().size();
            double chance = s.clauseNoise() == 0 || n <= s.clauseNoiseFrom() ? 0
                    : s.clauseNoise() * (Math.sqrt(2 * Math.log(n)) - Math.sqrt(2 * Math.log(s.clauseNoiseFrom())));
            for (int k = 0; k < rubric.keyPoints().size(); k++) {
                KeyPointEvidence kp = g.grade().keyPoints().get(k);
                if (kp.verdict() == Verdict.MISSED) {
                    continue;
                }
                int best = -1;
                double bestRaw = -1e9, bestSem = 0, second = 0;
                boolean bestLex = false;
                for (int u = 0; u < n; u++) {
                    if (wrong[u] || (s.promptEchoShare() > 0 && e.promptEcho()[u] >= s.promptEchoShare())) {
                        continue;
                    }
                    boolean on = e.unitTopicality()[u] >= s.unitOnTopicAt()
                            || e.keyPointSimilarity()[k][u] - e.promptSimilarity()[u] >= s.floorExemptionMargin();
                    double sem = on ? Math.max(0, policy.rawEvidence(policy.contrasted(e.keyPointSimilarity(), k, u) - chance, false)) : 0;
                    double raw = sem + (e.keyPointPhrase()[k][u] ? s.phraseWeight() : 0);
                    if (e.hedged()[u]) {
                        raw = Math.min(raw, s.hedgedEvidenceCap());
                    }
                    if (raw > bestRaw) {
                        if (best >= 0 && !overlaps(e.units().get(best), e.units().get(u))) {
                            second = Math.max(second, bestRaw);
                        }
                        bestRaw = raw;
                        best = u;
                        bestSem = sem;
                        bestLex = e.keyPointPhrase()[k][u];
                    } else if (best >= 0 && !overlaps(e.units().get(best), e.units().get(u))) {
                        second = Math.max(second, raw);
                    }
                }
                double threshold = kp.verdict() == Verdict.MET ? s.metAt() : s.partlyMetAt();
                int base = kp.verdict() == Verdict.MET ? 1 : 4;
                c[base]++;
                String route;
                if (bestSem >= threshold) {
                    route = "sem";
                } else if (bestRaw >= threshold) {
                    c[base + 1]++;
                    route = "phrase";
                } else {
                    c[base + 2]++;
                    route = "support";
                }
                boolean listy = best >= 0 && listLike(e.units().get(best).text());
                if (listy) {
                    c[kp.verdict() == Verdict.MET ? 7 : 8]++;
                }
                detail.append(String.format("%-28s %-14s h%d %5.1f%% %-20s %-10s %-7s sem=%.2f lex=%s 2nd=%.2f%s \"%s\"%n",
                        g.answer().id(), g.answer().category(), g.answer().grade(), g.percent(), kp.keyPointId(),
                        kp.verdict(), route, bestSem, bestLex ? "y" : "n", second, listy ? " LIST" : "",
                        best < 0 ? "" : e.units().get(best).text()));
            }
        }
        StringBuilder out = new StringBuilder("\n=== routes (tune half) ===\nkind n signed | MET: all phrase support list | PART: all phrase support list\n");
        byKind.forEach((kind, c) -> out.append(String.format("%-16s %3.0f %+6.1f | %3.0f %3.0f %3.0f %3.0f | %3.0f %3.0f %3.0f %3.0f%n",
                kind, c[0], c[10] / c[0], c[1], c[2], c[3], c[7], c[4], c[5], c[6], c[8])));
        out.append(detail);
        System.out.println(out);
    }

    private static final java.util.Set<String> FUNCTION = java.util.Set.of("a", "an", "the", "this", "that", "it",
            "they", "is", "are", "was", "be", "can", "will", "would", "should", "of", "in", "on", "at", "to", "for",
            "from", "with", "by", "and", "or", "but", "so", "if", "then", "than", "because", "while", "not", "no",
            "has", "have", "do", "does", "you", "we", "i", "its", "their", "each", "every", "all", "only", "when", "how",
            "what", "which", "who", "as", "into", "there");

    /** Under one function word in ten: a run of terms. */
    static boolean listLike(String text) {
        String[] words = text.toLowerCase().split("[^\\p{L}\\p{N}']+");
        int all = 0, fn = 0;
        for (String w : words) {
            if (w.isEmpty()) continue;
            all++;
            if (FUNCTION.contains(w)) fn++;
        }
        return all >= 2 && fn < 0.1 * all;
    }

    private static boolean overlaps(Span a, Span b) {
        return a.start() < b.end() && b.start() < a.end();
    }
}
