package io.hirepipe.scoring.grading.eval;

import io.hirepipe.scoring.grading.AnswerEvidence;
import io.hirepipe.scoring.grading.AnswerSegmenter.Span;
import io.hirepipe.scoring.grading.FreeTextGrade.KeyPointEvidence;
import io.hirepipe.scoring.grading.FreeTextRubric;
import io.hirepipe.scoring.grading.MiniLmSentenceEmbedder;
import io.hirepipe.scoring.grading.NegationDetector;
import io.hirepipe.scoring.grading.RubricEmbeddings;
import io.hirepipe.scoring.grading.RubricEmbeddings.Reference;
import io.hirepipe.scoring.grading.RubricMatcher;
import io.hirepipe.scoring.grading.SemanticFreeTextGrader;
import io.hirepipe.scoring.grading.SemanticGradingPolicy;
import io.hirepipe.scoring.grading.SemanticGradingSettings;
import io.hirepipe.scoring.grading.SentenceEmbedder;
import io.hirepipe.scoring.grading.eval.DevSet.Split;
import io.hirepipe.scoring.grading.eval.FreeTextEvaluation.Graded;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Diagnosis per clause, on the TUNE half only (never the test half): for the answers of the chosen kinds (default:
 * paraphrased, terse, vague, rambling, neighbour, mixed; {@code -Devaluation.kinds=a,b} or {@code -Devaluation.ids=a,b}),
 * every unit (S sentence, C clause) with its cosine to the prompt, its topicality (the floor's measure), its best and
 * second-best key point by cosine with the reference that gave it (d: the description, e1…: an example), the
 * contrasted cosine and the semantic evidence it would give its best key point (before the clause-count discount and
 * without phrases), the key points whose phrases it contains, and
 * why it earns little or nothing (floor: under unit-on-topic-at; echo; misconception; hedge; weak: under
 * partly-met-at). Run with {@code -Devaluation=clauses}.
 */
@EnabledIfSystemProperty(named = "evaluation", matches = "clauses")
class FreeTextClauseDiagnosis {

    private static final List<String> DEFAULT_KINDS = List.of("paraphrased", "terse", "vague", "rambling", "neighbour", "mixed");

    @Test
    void printEveryClauseOfTheChosenTuneHalfAnswers() {
        SemanticGradingSettings s = FreeTextEvaluation.applicationSettings();
        FreeTextEvaluation evaluation = new FreeTextEvaluation(DevSet.load(), s);
        List<Graded> tune = evaluation.evaluate(Split.TUNE, s).graded();
        String ids = System.getProperty("evaluation.ids", "");
        String kinds = System.getProperty("evaluation.kinds", "");
        List<String> wantedKinds = kinds.isBlank() ? DEFAULT_KINDS : List.of(kinds.split(","));
        List<String> wantedIds = ids.isBlank() ? List.of() : List.of(ids.split(","));
        MiniLmSentenceEmbedder embedder = evaluation.embedder();
        RubricMatcher matcher = new RubricMatcher();
        NegationDetector negation = new NegationDetector();
        Map<String, RubricEmbeddings> embedded = new HashMap<>();
        StringBuilder out = new StringBuilder("\n=== clauses of tune-half answers ===\n");
        for (Graded g : tune) {
            boolean chosen = wantedIds.isEmpty() ? wantedKinds.contains(g.answer().category()) : wantedIds.contains(g.answer().id());
            if (!chosen || SemanticFreeTextGrader.isBlank(g.answer().text())) {
                continue;
            }
            FreeTextRubric rubric = evaluation.devSet().rubrics().get(g.answer().questionKey());
            RubricEmbeddings r = embedded.computeIfAbsent(g.answer().questionKey(),
                    q -> RubricEmbeddings.of(rubric, embedder, matcher, negation));
            AnswerEvidence e = evaluation.grader().evidence(g.answer().text(), rubric);
            out.append(String.format("%n[%s] %s hand %d machine %.0f%% (%d), %+.0f%n", g.answer().id(), g.answer().category(),
                    g.answer().grade(), g.percent(), g.machineGrade(), g.percent() - 25.0 * g.answer().grade()));
            for (KeyPointEvidence k : g.grade().keyPoints()) {
                out.append(String.format("   %-22s %-10s sim %.2f%s%n", k.keyPointId(), k.verdict(), k.similarity(),
                        k.span() == null ? "" : "  \"" + k.span() + "\""));
            }
            appendUnits(out, e, r, rubric, embedder, evaluation.grader().policy());
        }
        System.out.println(out);
    }

    private static void appendUnits(StringBuilder out, AnswerEvidence e, RubricEmbeddings r, FreeTextRubric rubric,
                                    SentenceEmbedder embedder, SemanticGradingPolicy policy) {
        SemanticGradingSettings s = policy.settings();
        List<Span> units = e.units();
        List<float[]> vectors = embedder.embed(units.stream().map(Span::text).toList());
        float[] prompt = r.topic().get(0);
        boolean[] wrong = policy.misconceptionUnits(e);
        int keyPoints = rubric.keyPoints().size();
        for (int u = 0; u < units.size(); u++) {
            int best = -1;
            int second = -1;
            String[] from = new String[keyPoints];
            double[] cos = new double[keyPoints];
            for (int k = 0; k < keyPoints; k++) {
                List<Reference> refs = r.keyPoints().get(k).references();
                cos[k] = -1;
                for (int i = 0; i < refs.size(); i++) {
                    if (refs.get(i).negated() != e.negated()[u]) {
                        continue;
                    }
                    double c = SentenceEmbedder.cosine(vectors.get(u), refs.get(i).vector());
                    if (c > cos[k]) {
                        cos[k] = c;
                        from[k] = referenceTag(rubric.keyPoints().get(k), refs.get(i).text());
                    }
                }
                if (best < 0 || cos[k] > cos[best]) {
                    second = best;
                    best = k;
                } else if (second < 0 || cos[k] > cos[second]) {
                    second = k;
                }
            }
            double sem = policy.contrasted(e.keyPointSimilarity(), best, u);
            double evidence = policy.rawEvidence(sem, false);
            StringBuilder phrases = new StringBuilder();
            for (int k = 0; k < keyPoints; k++) {
                if (e.keyPointPhrase()[k][u]) {
                    phrases.append(phrases.isEmpty() ? "" : ",").append(rubric.keyPoints().get(k).id());
                }
            }
            String why = wrong[u] ? "misconception" : e.promptEcho()[u] >= s.promptEchoShare() && s.promptEchoShare() > 0 ? "echo"
                    : e.otherQuestionSimilarity()[u] - e.unitTopicality()[u] >= s.neighbourMargin() ? "neighbour"
                    : e.unitTopicality()[u] < s.unitOnTopicAt() ? "floor"
                    : e.hedged()[u] && evidence > s.hedgedEvidenceCap() ? "hedge"
                    : evidence < s.partlyMetAt() ? "weak" : evidence < s.metAt() ? "partly" : "met";
            out.append(String.format("   %s%s%s p=%.2f t=%.2f o=%.2f best=%s %.2f(%s) 2nd=%s %.2f sem=%.2f ev=%.2f %-13s %s \"%s\"%n",
                    enclosed(units, u) ? "C" : "S", e.negated()[u] ? "N" : " ", e.hedged()[u] ? "H" : " ",
                    SentenceEmbedder.cosine(vectors.get(u), prompt), e.unitTopicality()[u], e.otherQuestionSimilarity()[u],
                    rubric.keyPoints().get(best).id(), cos[best], from[best],
                    second < 0 ? "-" : rubric.keyPoints().get(second).id(), second < 0 ? 0 : cos[second], sem, evidence,
                    why, phrases.isEmpty() ? "" : "lex:" + phrases, units.get(u).text()));
        }
    }

    private static String referenceTag(FreeTextRubric.Point point, String text) {
        if (point.description().contains(text)) {
            return "d";
        }
        for (int i = 0; i < point.examples().size(); i++) {
            if (point.examples().get(i).contains(text)) {
                return "e" + (i + 1);
            }
        }
        return "?";
    }

    private static boolean enclosed(List<Span> units, int u) {
        for (int o = 0; o < units.size(); o++) {
            if (o != u && units.get(o).start() <= units.get(u).start() && units.get(o).end() >= units.get(u).end()) {
                return true;
            }
        }
        return false;
    }
}
