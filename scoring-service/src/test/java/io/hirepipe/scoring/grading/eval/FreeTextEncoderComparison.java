package io.hirepipe.scoring.grading.eval;

import io.hirepipe.scoring.grading.AnswerEvidence;
import io.hirepipe.scoring.grading.MiniLmSentenceEmbedder.Variant;
import io.hirepipe.scoring.grading.SemanticFreeTextGrader;
import io.hirepipe.scoring.grading.SemanticGradingSettings;
import io.hirepipe.scoring.grading.eval.DevSet.Answer;
import io.hirepipe.scoring.grading.eval.DevSet.Split;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.util.Arrays;
import java.util.List;

/**
 * MiniLM against another encoder ({@code -Devaluation.versus=E5_SMALL_Q}, the default) on the tune half, its two folds
 * and the probe set; never the test half. The other encoder is graded three ways: with its own cosines under
 * application.yml's thresholds (unfair: they were fitted on MiniLM's scale), with its cosines put on MiniLM's scale by
 * a {@link CosineScale} fitted on the tune half's answers only, and, with {@code -Devaluation.refit=true}, that plus the
 * grid search re-run for it on the tune half. Run with {@code -Devaluation=encoder}.
 */
@EnabledIfSystemProperty(named = "evaluation", matches = "encoder")
class FreeTextEncoderComparison {

    private static final double[] QUANTILES = {0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99};

    @Test
    void printTheFiguresOfBothEncoders() {
        Variant versus = Variant.valueOf(System.getProperty("evaluation.versus", "E5_SMALL_Q"));
        CandidateFigures miniLm = new CandidateFigures(Variant.QUANTIZED);
        CandidateFigures other = new CandidateFigures(versus);
        StringBuilder out = new StringBuilder("\n=== encoders: tune half, its folds, probe set ===\n");
        miniLm.append(out, "MiniLM (quantized), application.yml", miniLm.settings());
        other.append(out, versus + ", its own cosines, application.yml", other.settings());

        List<Answer> tune = miniLm.dev().devSet().half(Split.TUNE).stream()
                .filter(a -> !SemanticFreeTextGrader.isBlank(a.text())).toList();
        List<AnswerEvidence> theirs = tune.stream().map(other.dev()::evidence).toList();
        List<AnswerEvidence> ours = tune.stream().map(miniLm.dev()::evidence).toList();
        CosineScale scale = CosineScale.fit(theirs, ours);
        out.append(String.format("unit cosines (tune half, %d answers), quantiles %s%n  MiniLM %s%n  %s %s%n", tune.size(),
                Arrays.toString(QUANTILES), quantiles(CosineScale.unitCosines(ours)), versus,
                quantiles(CosineScale.unitCosines(theirs))));
        out.append(String.format("application.yml's cosine thresholds on %s's scale: unit-on-topic-at 0.2 -> %.3f, "
                        + "off-topic-below 0.45 -> %.3f, misconception-at 0.85 -> %.3f; holistic floor 0.5 -> %.3f, ceiling 0.9 -> %.3f%n",
                versus, CosineScale.inverse(scale.unit(), 0.2), CosineScale.inverse(scale.unit(), 0.45),
                CosineScale.inverse(scale.unit(), 0.85), CosineScale.inverse(scale.holistic(), 0.5),
                CosineScale.inverse(scale.holistic(), 0.9)));
        out.append("separation: AUC of a key point's highest cosine in an answer graded 3-4 by hand against one graded 0-1, "
                + "the same question's key point (0.5: no better than chance; keyword lists aside)\n");
        for (Split split : new Split[] {Split.TUNE, Split.PROBE}) {
            for (CandidateFigures encoder : List.of(miniLm, other)) {
                out.append(String.format("  %-10s %-10s %s%n", split.label(), encoder == miniLm ? "MiniLM" : versus,
                        separation(split == Split.TUNE ? encoder.dev() : encoder.probe(), split, CosineScale.IDENTITY)));
            }
            out.append(String.format("  %-10s %-10s %s%n", split.label(), "on MiniLM's scale",
                    separation(split == Split.TUNE ? other.dev() : other.probe(), split, scale)));
        }
        other.rescaleCosines(scale);
        other.append(out, versus + ", cosines on MiniLM's scale (quantiles matched on the tune half), application.yml",
                other.settings());
        // the contrast takes the key points' shared topic off a clause's cosine; e5's cosines to a question's key points move
        // together more than MiniLM's, so matching the raw cosines does not match the contrasted ones: the contrast whose
        // contrasted cosines (on MiniLM's scale) are spread as MiniLM's are at application.yml's contrast, tune half only
        double[] target = contrastedQuantiles(ours, CosineScale.IDENTITY, miniLm.settings().contrast());
        double fitted = Double.NaN;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int hundredths = 25; hundredths <= 150; hundredths += 5) {
            double[] q = contrastedQuantiles(theirs, scale, hundredths / 100.0);
            double distance = 0;
            for (int i = 0; i < q.length; i++) {
                distance += (q[i] - target[i]) * (q[i] - target[i]);
            }
            if (distance < bestDistance) {
                bestDistance = distance;
                fitted = hundredths / 100.0;
            }
        }
        out.append(String.format("contrasted cosines (tune half), quantiles %s: MiniLM at %.2f %s; %s on MiniLM's scale at "
                        + "%.2f (fitted) %s%n", Arrays.toString(QUANTILES), miniLm.settings().contrast(),
                Arrays.toString(rounded(target)), versus, fitted, Arrays.toString(rounded(contrastedQuantiles(theirs, scale, fitted)))));
        for (double contrast : new double[] {fitted, 0.5, 1.0, 1.25}) {
            var candidate = other.settings().withEvidence(contrast, other.settings().similarityFloor(),
                    other.settings().similarityCeiling(), other.settings().phraseWeight(), other.settings().supportWeight(),
                    other.settings().metAt(), other.settings().partlyMetAt());
            other.append(out, versus + ", MiniLM's scale, contrast " + contrast, candidate);
        }
        SemanticGradingSettings s = miniLm.settings();
        miniLm.append(out, "MiniLM, contrast 1.0 (is a contrast of 1.0 the encoder's doing?)", s.withEvidence(1.0,
                s.similarityFloor(), s.similarityCeiling(), s.phraseWeight(), s.supportWeight(), s.metAt(), s.partlyMetAt()));
        if (Boolean.getBoolean("evaluation.refit")) {
            // each encoder's grid search re-run on the tune half: the same advantage for both (in-sample on the tune half)
            var refitted = miniLm.dev().tune(miniLm.settings());
            miniLm.append(out, "MiniLM, grid search re-run on the tune half: " + refitted, refitted);
            refitted = other.dev().tune(other.settings());
            other.append(out, versus + ", MiniLM's scale, grid search re-run on the tune half: " + refitted, refitted);
        }
        System.out.println(out);
    }

    /**
     * How well an encoder's cosines tell an answer that makes a key point from one that does not, by the hand grade: for
     * every pair of a good (3-4) and a poor (0-1) answer to one question and each key point, whether the good one's
     * highest unit cosine to the key point is the higher (Mann-Whitney AUC, ties half); raw cosines, so no scale enters;
     * also for the contrasted cosine (less 0.75 of the unit's mean cosine to the other key points), which the grader uses.
     */
    private static String separation(FreeTextEvaluation evaluation, Split split, CosineScale scale) {
        List<Answer> answers = evaluation.devSet().half(split).stream()
                .filter(a -> !SemanticFreeTextGrader.isBlank(a.text()) && !a.isKeywordStuffed()).toList();
        double[] raw = new double[2];
        double[] contrasted = new double[2];
        for (Answer good : answers) {
            for (Answer poor : answers) {
                if (good.grade() >= 3 && poor.grade() <= 1 && good.questionKey().equals(poor.questionKey())) {
                    AnswerEvidence g = scale.apply(evaluation.evidence(good));
                    AnswerEvidence p = scale.apply(evaluation.evidence(poor));
                    for (int k = 0; k < g.keyPointSimilarity().length; k++) {
                        count(raw, best(g, k, 0), best(p, k, 0));
                        count(contrasted, best(g, k, 0.75), best(p, k, 0.75));
                    }
                }
            }
        }
        return String.format("raw %.3f, contrasted %.3f (%d comparisons)", raw[0] / raw[1], contrasted[0] / contrasted[1],
                (int) raw[1]);
    }

    private static void count(double[] wins, double good, double poor) {
        wins[0] += good > poor ? 1 : good == poor ? 0.5 : 0;
        wins[1]++;
    }

    private static double best(AnswerEvidence e, int k, double contrast) {
        double[][] sim = e.keyPointSimilarity();
        double best = Double.NEGATIVE_INFINITY;
        for (int u = 0; u < e.units().size(); u++) {
            double others = 0;
            for (int j = 0; j < sim.length; j++) {
                others += j == k ? 0 : sim[j][u];
            }
            best = Math.max(best, sim[k][u] - contrast * (sim.length > 1 ? others / (sim.length - 1) : 0));
        }
        return best;
    }

    /** Quantiles of every unit's contrasted cosine to every key point (cosine less contrast × mean to the others). */
    private static double[] contrastedQuantiles(List<AnswerEvidence> evidence, CosineScale scale, double contrast) {
        List<Double> all = new java.util.ArrayList<>();
        for (AnswerEvidence raw : evidence) {
            double[][] sim = scale.apply(raw).keyPointSimilarity();
            for (int u = 0; u < raw.units().size(); u++) {
                double total = 0;
                for (double[] row : sim) {
                    total += row[u];
                }
                for (double[] row : sim) {
                    all.add(row[u] - contrast * (sim.length > 1 ? (total - row[u]) / (sim.length - 1) : 0));
                }
            }
        }
        double[] sorted = all.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double[] q = new double[QUANTILES.length];
        for (int i = 0; i < q.length; i++) {
            q[i] = sorted[(int) Math.round(QUANTILES[i] * (sorted.length - 1))];
        }
        return q;
    }

    private static double[] rounded(double[] values) {
        return Arrays.stream(values).map(v -> Math.round(v * 1000) / 1000.0).toArray();
    }

    private static String quantiles(double[] cosines) {
        double[] sorted = cosines.clone();
        Arrays.sort(sorted);
        StringBuilder out = new StringBuilder();
        for (double q : QUANTILES) {
            out.append(String.format(" %.3f", sorted[(int) Math.round(q * (sorted.length - 1))]));
        }
        return out.toString();
    }
}
