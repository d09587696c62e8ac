package io.hirepipe.scoring.grading;

import io.hirepipe.scoring.grading.RubricEmbeddings.Reference;
import io.hirepipe.scoring.grading.RubricEmbeddings.Target;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The cosines an answer's unit vectors are measured by: to a key point's or misconception's references of the unit's
 * polarity or of either, to the prompt and the rubric's topic, to another question, and of the whole answer to the whole
 * rubric; and the key-point contraries a unit is nearer than any right reading. Only compares the vectors
 * {@link AnswerReader} computed once per answer: no model run here.
 */
final class UnitCosines {

    private UnitCosines() {
    }

    /** [unit] the cosine to the target's nearest reference of the unit's polarity, 0 if none. */
    static double[] similarities(Target target, List<float[]> units, boolean[] negated) {
        double[] best = new double[units.size()];
        for (int u = 0; u < units.size(); u++) {
            for (Reference ref : target.references()) {
                if (ref.negated() == negated[u]) {
                    best[u] = Math.max(best[u], SentenceEmbedder.cosine(units.get(u), ref.vector()));
                }
            }
        }
        return best;
    }

    /**
     * [unit] the cosine to the target's nearest reference of either polarity; for a positive unit, its same-polarity
     * cosine (a positive unit is never read as stated in other words).
     */
    static double[] eitherPolarity(Target target, List<float[]> units, boolean[] negated, double[] samePolarity) {
        double[] best = samePolarity.clone();
        for (int u = 0; u < units.size(); u++) {
            if (!negated[u]) {
                continue;
            }
            for (Reference ref : target.references()) {
                best[u] = Math.max(best[u], SentenceEmbedder.cosine(units.get(u), ref.vector()));
            }
        }
        return best;
    }

    /**
     * How much the answer's units are about the question.
     *
     * @param best    the highest cosine of any unit to the prompt or any key-point reference
     * @param perUnit [unit] its highest cosine to the prompt or any key-point reference
     * @param prompt  [unit] its cosine to the prompt; null when the question has none
     */
    record Topicality(double best, double[] perUnit, double[] prompt) {
    }

    static Topicality topicality(List<float[]> vectors, RubricEmbeddings rubric) {
        int n = vectors.size();
        double topicality = 0;
        double[] unitTopicality = new double[n];
        // the prompt is the first topic vector when there is one: its cosine is kept as it is computed
        boolean hasPrompt = rubric.promptVector() != null;
        double[] promptSimilarity = hasPrompt ? new double[n] : null;
        for (int u = 0; u < n; u++) {
            List<float[]> topics = rubric.topic();
            for (int t = 0; t < topics.size(); t++) {
                double cosine = SentenceEmbedder.cosine(vectors.get(u), topics.get(t));
                unitTopicality[u] = Math.max(unitTopicality[u], cosine);
                if (hasPrompt && t == 0) {
                    promptSimilarity[u] = cosine;
                }
            }
            topicality = Math.max(topicality, unitTopicality[u]);
        }
        return new Topicality(topicality, unitTopicality, promptSimilarity);
    }

    /** Per unit, its highest cosine to any of {@code others}: another question's prompt or key-point references. */
    static double[] nearest(List<float[]> units, List<float[]> others) {
        double[] best = new double[units.size()];
        for (int u = 0; u < best.length; u++) {
            for (float[] other : others) {
                best[u] = Math.max(best[u], SentenceEmbedder.cosine(units.get(u), other));
            }
        }
        return best;
    }

    /** Mean pooling of the vectors already computed: the whole answer against the whole rubric, at no extra model run. */
    static double holistic(List<float[]> units, RubricEmbeddings rubric) {
        List<float[]> references = rubric.keyPoints().stream()
                .flatMap(target -> target.references().stream().filter(r -> !r.negated()).map(Reference::vector))
                .toList();
        if (units.isEmpty() || references.isEmpty()) {
            return 0;
        }
        return SentenceEmbedder.cosine(meanDirection(units), meanDirection(references));
    }

    private static float[] meanDirection(List<float[]> vectors) {
        float[] mean = new float[vectors.get(0).length];
        for (float[] v : vectors) {
            for (int i = 0; i < mean.length; i++) {
                mean[i] += v[i];
            }
        }
        return OnnxSentenceEncoder.toUnitLength(mean);
    }

    /**
     * [key point][unit] whether the positive unit states the key point's contrary: for some reference of the key point
     * with a contrary, the unit uses the words the contrary brought in and none it took out, and is nearer the contrary
     * than the reference and than every right statement of every key point ("the server decides the shape of the
     * response" against "the client names the fields"). The last condition is the one a misconception must meet: a
     * right sentence about the other side of a comparison is nearer that side's own key point than this one's contrary.
     */
    static boolean[][] contradicted(RubricEmbeddings rubric, AnswerAsRead read) {
        List<float[]> vectors = read.vectors();
        boolean[] negated = read.negated();
        boolean[][] contradicted = new boolean[rubric.keyPoints().size()][vectors.size()];
        List<Set<String>> words = read.texts().stream().map(ContraryStatements::sideWords).toList();
        double[] bestRightReading = new double[vectors.size()];
        Arrays.fill(bestRightReading, Double.NaN);
        for (int k = 0; k < contradicted.length; k++) {
            for (Reference ref : rubric.keyPoints().get(k).references()) {
                if (ref.contrary() == null) {
                    continue;
                }
                for (int u = 0; u < vectors.size(); u++) {
                    if (negated[u] || contradicted[k][u] || !ContraryStatements.speaksFor(ref.contrary(), words.get(u))) {
                        continue;
                    }
                    double toContrary = SentenceEmbedder.cosine(vectors.get(u), ref.contraryVector());
                    if (toContrary <= SentenceEmbedder.cosine(vectors.get(u), ref.vector())) {
                        continue;
                    }
                    if (Double.isNaN(bestRightReading[u])) {
                        bestRightReading[u] = nearestPositive(rubric, vectors.get(u));
                    }
                    contradicted[k][u] = toContrary > bestRightReading[u];
                }
            }
        }
        return contradicted;
    }

    /** A unit's highest cosine to any positively stated reference of any key point: its best right reading. */
    private static double nearestPositive(RubricEmbeddings rubric, float[] unit) {
        double best = 0;
        for (Target target : rubric.keyPoints()) {
            for (Reference ref : target.references()) {
                if (!ref.negated()) {
                    best = Math.max(best, SentenceEmbedder.cosine(unit, ref.vector()));
                }
            }
        }
        return best;
    }
}
