package io.hirepipe.scoring.grading;

import io.hirepipe.scoring.grading.AnswerSegmenter.Span;

import java.util.ArrayList;
import java.util.List;

/**
 * The vectors of an answer's units with one model run per clause instead of one per clause and one more per
 * sentence. A run has a fixed cost of about a millisecond besides its cost per word, and the words of a sentence of
 * several clauses went through the model twice, once in the sentence and once in its clause; batching is closed to
 * the quantized model (a text's vector would depend on its neighbours). So a sentence of two or more clauses is
 * not run: its vector is the unit-length sum of its clauses' vectors, each weighted by its number of words, which is
 * mean pooling over the sentence approximated clause by clause (what is lost is the attention between its clauses).
 * The positive part of a mixed sentence is composed the same way from the sentence's positive clauses. Units of
 * one clause are run as before. Stateless and thread-safe.
 */
final class ComposedSentenceVectors {

    private ComposedSentenceVectors() {
    }

    /**
     * @param units     the segmenter's units, then the positive parts, each quoted as its sentence
     * @param readAs    what each unit is read as (for a positive part, the sentence without its denials)
     * @param own       how many of {@code units} are the segmenter's own; the rest are positive parts
     * @param negated   the polarity of the segmenter's own units
     * @return one unit-length vector per unit, in order
     */
    static List<float[]> of(SentenceEmbedder embedder, List<Span> units, List<String> readAs, int own, boolean[] negated) {
        List<List<Integer>> composedOf = new ArrayList<>(units.size());
        List<String> toRun = new ArrayList<>();
        List<Integer> runIndex = new ArrayList<>(units.size());
        for (int u = 0; u < units.size(); u++) {
            List<Integer> clauses = clausesInside(units, own, u);
            if (u >= own) {
                clauses = clauses.stream().filter(c -> !negated[c]).toList();
            }
            if (clauses.size() >= 2 || (u >= own && !clauses.isEmpty())) {
                composedOf.add(clauses);
                runIndex.add(-1);
            } else {
                composedOf.add(List.of());
                runIndex.add(toRun.size());
                toRun.add(readAs.get(u));
            }
        }
        List<float[]> run = embedder.embed(toRun);
        List<float[]> vectors = new ArrayList<>(units.size());
        for (int u = 0; u < units.size(); u++) {
            vectors.add(runIndex.get(u) >= 0 ? run.get(runIndex.get(u)) : null);
        }
        for (int u = 0; u < units.size(); u++) {
            if (vectors.get(u) == null) {
                vectors.set(u, weightedSum(composedOf.get(u), units, vectors));
            }
        }
        return vectors;
    }

    /** The segmenter's own units that lie strictly inside unit {@code u}'s span: a sentence's clauses. */
    private static List<Integer> clausesInside(List<Span> units, int own, int u) {
        Span outer = units.get(u);
        List<Integer> inside = new ArrayList<>();
        for (int c = 0; c < own; c++) {
            Span inner = units.get(c);
            if (c != u && outer.encloses(inner)
                    && inner.end() - inner.start() < outer.end() - outer.start()) {
                inside.add(c);
            }
        }
        return inside;
    }

    private static float[] weightedSum(List<Integer> clauses, List<Span> units, List<float[]> vectors) {
        float[] sum = new float[vectors.get(clauses.get(0)).length];
        for (int c : clauses) {
            int words = units.get(c).text().trim().split("\\s+").length;
            float[] v = vectors.get(c);
            for (int i = 0; i < sum.length; i++) {
                sum[i] += words * v[i];
            }
        }
        return OnnxSentenceEncoder.toUnitLength(sum);
    }
}
